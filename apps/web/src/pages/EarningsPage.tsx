import { useState, type FormEvent } from "react";
import { usePayouts, useSavePayoutAccount } from "../api/hooks";
import type { PayoutStatus } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { Badge, EmptyState, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

const STATUS_TONE: Record<PayoutStatus, "ok" | "bad" | "wait"> = { PAID: "ok", FAILED: "bad", PENDING: "wait" };

/** A host's money: what the next payout takes, what is still in its dispute window, and past payouts. */
export function EarningsPage() {
  const { t, money, dateTime } = useI18n();
  const payouts = usePayouts();
  return (
    <div className="stack" data-testid="earnings">
      <h1>{t("earnings.title")}</h1>
      <p className="muted">{t("earnings.intro")}</p>
      {payouts.isPending ? (
        <Spinner />
      ) : payouts.error ? (
        <ProblemMessage error={payouts.error} onRetry={() => void payouts.refetch()} />
      ) : (
        <>
          <section className="card stack" aria-labelledby="balances-title">
            <h2 id="balances-title">{t("earnings.balances")}</h2>
            {payouts.data.balances.length === 0 ? (
              <EmptyState>{t("earnings.none")}</EmptyState>
            ) : (
              payouts.data.balances.map((balance) => (
                <div key={balance.due.currency} className="stack" data-testid="balance">
                  <dl className="figures">
                    <div>
                      <dt>{t("earnings.due")}</dt>
                      <dd>{money(balance.due)}</dd>
                    </div>
                    <div>
                      <dt>{t("earnings.pending")}</dt>
                      <dd>{money(balance.pending)}</dd>
                    </div>
                    <div>
                      <dt>{t("earnings.next")}</dt>
                      <dd>{balance.nextPayableAt ? dateTime(balance.nextPayableAt) : "—"}</dd>
                    </div>
                  </dl>
                  {Number(balance.due.amount) < 0 && <Notice tone="warning">{t("earnings.owed")}</Notice>}
                  {balance.upcoming.length > 0 && (
                    <div className="table-wrap">
                      <table className="table">
                        <caption>{t("earnings.upcoming")}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("earnings.col.session")}</th>
                            <th scope="col">{t("earnings.col.amount")}</th>
                            <th scope="col">{t("earnings.col.payableAt")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {balance.upcoming.map((item) => (
                            <tr key={item.sessionId}>
                              <th scope="row">
                                <Link href={`/sessions/${encodeURIComponent(item.sessionId)}`}>
                                  {item.sessionId.slice(0, 8)}
                                </Link>
                              </th>
                              <td>{money(item.amount)}</td>
                              <td>{item.payableAt ? dateTime(item.payableAt) : t("earnings.payableUnknown")}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </div>
              ))
            )}
          </section>
          <section className="card stack" aria-labelledby="payouts-title">
            <h2 id="payouts-title">{t("earnings.payouts")}</h2>
            {payouts.data.payouts.length === 0 ? (
              <p className="muted" data-testid="no-payouts">
                {t("earnings.noPayouts")}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("earnings.col.created")}</th>
                      <th scope="col">{t("earnings.col.amount")}</th>
                      <th scope="col">{t("earnings.col.status")}</th>
                      <th scope="col">{t("earnings.col.details")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {payouts.data.payouts.map((payout) => (
                      <tr key={payout.id}>
                        <th scope="row">{dateTime(payout.createdAt)}</th>
                        <td>{money(payout.amount)}</td>
                        <td>
                          <Badge tone={STATUS_TONE[payout.status]}>{t(`earnings.status.${payout.status}`)}</Badge>
                        </td>
                        <td>
                          {payout.status === "PAID" && payout.paidAt && t("earnings.paidAt", { at: dateTime(payout.paidAt) })}
                          {payout.status === "FAILED" &&
                            t("earnings.failed", {
                              reason: payout.failureReason ?? payout.failureCode ?? "—",
                              next: dateTime(payout.nextAttemptAt ?? undefined),
                            })}
                          {payout.status === "PENDING" && t("earnings.sending")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <PayoutAccount current={payouts.data.payoutAccount ?? null} />
        </>
      )}
    </div>
  );
}

function PayoutAccount({ current }: { current: string | null }) {
  const { t } = useI18n();
  const save = useSavePayoutAccount();
  const [account, setAccount] = useState(current ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(account.trim());
  };
  return (
    <section className="card stack" aria-labelledby="account-title">
      <h2 id="account-title">{t("earnings.account")}</h2>
      <p className="muted">{current ? t("earnings.accountNow", { account: current }) : t("earnings.accountNone")}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t("earnings.accountId")} hint={t("earnings.accountHint")} error={fieldError(save.error, "accountId")}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={account}
              required
              autoComplete="off"
              onChange={(event) => setAccount(event.target.value)}
              placeholder="acct_…"
            />
          )}
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t("common.saving") : t("common.save")}
          </button>
        </div>
        {save.isPending && <Spinner inline label={t("common.saving")} />}
        {save.isSuccess && <Notice tone="success">{t("earnings.accountSaved")}</Notice>}
        <ProblemMessage error={save.error} />
      </form>
    </section>
  );
}
