import { useState } from "react";
import { useAnalytics, useRebuildAnalytics } from "../api/hooks";
import type { Analytics, AnalyticsFigures, AnalyticsInterval } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { compact, daysBefore, percent } from "../logic/chart";
import { LineChart } from "../ui/Chart";
import { EmptyState, Field, Notice, ProblemMessage, Spinner } from "../ui/kit";

const CANCELLERS = ["GUEST", "HOST", "ADMIN", "FIXTURE_POSTPONED"] as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The revenue of one currency in one point's figures (0 when nothing was sold in it). */
function net(figures: AnalyticsFigures, currency: string): number {
  return Number(figures.revenue.find((line) => line.currency === currency)?.net ?? 0);
}

/** A host's own figures (`me`) or the platform's (`admin`, with the rebuild), with charts and tables. */
export function AnalyticsPage({ scope }: { scope: "me" | "admin" }) {
  const { t } = useI18n();
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(() => daysBefore(today(), 29));
  const [interval, setStep] = useState<AnalyticsInterval>("day");
  const analytics = useAnalytics(scope, from, to, interval);
  return (
    <section className="stack" aria-labelledby="analytics-title" data-testid="analytics">
      <h1 id="analytics-title">{scope === "admin" ? t("analytics.adminTitle") : t("analytics.title")}</h1>
      <form className="form-grid" aria-label={t("analytics.range")} onSubmit={(event) => event.preventDefault()}>
        <Field label={t("analytics.from")}>
          {(props) => (
            <input {...props} className="input" type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
          )}
        </Field>
        <Field label={t("analytics.to")}>
          {(props) => (
            <input {...props} className="input" type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
          )}
        </Field>
        <Field label={t("analytics.interval")}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={interval}
              onChange={(event) => setStep(event.target.value as AnalyticsInterval)}
            >
              <option value="day">{t("analytics.interval.day")}</option>
              <option value="week">{t("analytics.interval.week")}</option>
            </select>
          )}
        </Field>
      </form>
      {scope === "admin" && <Rebuild />}
      {analytics.isPending ? (
        <Spinner />
      ) : analytics.error ? (
        <ProblemMessage error={analytics.error} onRetry={() => void analytics.refetch()} />
      ) : (
        <div className="stack" aria-busy={analytics.isFetching}>
          {analytics.isFetching && <Spinner inline />}
          <Figures data={analytics.data} />
        </div>
      )}
    </section>
  );
}

function Rebuild() {
  const { t } = useI18n();
  const rebuild = useRebuildAnalytics();
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="button button--ghost"
          disabled={rebuild.isPending}
          onClick={() => rebuild.mutate()}
          data-testid="rebuild"
        >
          {rebuild.isPending ? t("analytics.rebuilding") : t("analytics.rebuild")}
        </button>
      </div>
      {rebuild.isPending && <Spinner label={t("analytics.rebuilding")} />}
      {rebuild.data && (
        <Notice tone="success">
          {t("analytics.rebuilt", { events: rebuild.data.events, ms: rebuild.data.tookMs })}
        </Notice>
      )}
      <ProblemMessage error={rebuild.error} />
    </div>
  );
}

function Figures({ data }: { data: Analytics }) {
  const { t, locale } = useI18n();
  const totals = data.totals;
  const currency = totals.revenue[0]?.currency ?? "EUR";
  const money = (value: number) =>
    new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", { style: "currency", currency }).format(value);
  const number = (value: number) => compact(value, locale);
  const labels = data.series.map((point) => point.start.slice(5));
  const bookings = data.series.map((point) => point.confirmed);
  const revenue = data.series.map((point) => net(point, currency));
  const occupancy = data.series.map((point) => point.occupancy.rate ?? 0);
  const range = { from: data.from, to: data.to };
  const nothing = totals.confirmed === 0 && totals.occupancy.sessions === 0 && totals.nps.responses === 0;
  return (
    <>
      <dl className="figures" data-testid="totals">
        <div>
          <dt>{t("analytics.bookings")}</dt>
          <dd>{totals.confirmed}</dd>
        </div>
        <div>
          <dt>{t("analytics.seats")}</dt>
          <dd>{totals.seats}</dd>
        </div>
        <div>
          <dt>{t("analytics.revenue")}</dt>
          <dd>
            {totals.revenue.length === 0
              ? "—"
              : totals.revenue
                  .map((line) =>
                    new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
                      style: "currency",
                      currency: line.currency,
                    }).format(Number(line.net)),
                  )
                  .join(" · ")}
          </dd>
        </div>
        <div>
          <dt>{t("analytics.cancellationRate")}</dt>
          <dd>{percent(totals.cancellationRate, locale)}</dd>
        </div>
        <div>
          <dt>{t("analytics.occupancy")}</dt>
          <dd>{percent(totals.occupancy.rate, locale)}</dd>
        </div>
        <div>
          <dt>{t("analytics.nps")}</dt>
          <dd>{totals.nps.score ?? "—"}</dd>
        </div>
      </dl>
      {nothing && <EmptyState>{t("analytics.empty")}</EmptyState>}
      <div className="charts">
        <LineChart
          testId="chart-bookings"
          title={t("analytics.chart.bookings")}
          summary={t("analytics.chart.summary", { ...range, total: String(totals.confirmed) })}
          values={bookings}
          labels={labels}
          format={number}
        />
        <LineChart
          testId="chart-revenue"
          title={t("analytics.chart.revenue", { currency })}
          summary={t("analytics.chart.summary", { ...range, total: money(net(totals, currency)) })}
          values={revenue}
          labels={labels}
          format={(value) => compact(value, locale)}
        />
        <LineChart
          testId="chart-occupancy"
          title={t("analytics.chart.occupancy")}
          summary={t("analytics.chart.summary", { ...range, total: percent(totals.occupancy.rate, locale) })}
          values={occupancy}
          labels={labels}
          format={(value) => percent(value, locale)}
        />
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="series-table">
          <caption>{t("analytics.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{data.interval === "week" ? t("analytics.col.week") : t("analytics.col.day")}</th>
              <th scope="col">{t("analytics.bookings")}</th>
              <th scope="col">{t("analytics.seats")}</th>
              <th scope="col">{t("analytics.col.revenue", { currency })}</th>
              <th scope="col">{t("analytics.col.cancelled")}</th>
              <th scope="col">{t("analytics.occupancy")}</th>
            </tr>
          </thead>
          <tbody>
            {data.series.map((point) => (
              <tr key={point.start}>
                <th scope="row">{point.start}</th>
                <td>{point.confirmed}</td>
                <td>{point.seats}</td>
                <td>{money(net(point, currency))}</td>
                <td>{point.cancelled}</td>
                <td>{percent(point.occupancy.rate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="charts">
        <section className="card stack" aria-labelledby="cancellations-title">
          <h2 id="cancellations-title">{t("analytics.cancellations")}</h2>
          <p>
            {t("analytics.cancelledOf", {
              cancelled: totals.cancelled,
              confirmed: totals.confirmed,
              rate: percent(totals.cancellationRate, locale),
            })}
          </p>
          {Object.keys(totals.cancelledBy).length > 0 && (
            <ul>
              {Object.entries(totals.cancelledBy).map(([who, count]) => (
                <li key={who}>
                  {CANCELLERS.includes(who as (typeof CANCELLERS)[number])
                    ? t(`analytics.by.${who as (typeof CANCELLERS)[number]}`)
                    : who}
                  : {count}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t("analytics.rejected", { count: totals.rejected })}</p>
        </section>
        <section className="card stack" aria-labelledby="nps-title">
          <h2 id="nps-title">{t("analytics.nps")}</h2>
          <p>
            {totals.nps.responses === 0
              ? t("analytics.nps.none")
              : t("analytics.nps.summary", {
                  score: totals.nps.score ?? "—",
                  responses: totals.nps.responses,
                  promoters: totals.nps.promoters,
                  passives: totals.nps.passives,
                  detractors: totals.nps.detractors,
                })}
          </p>
        </section>
      </div>
      <section className="stack" aria-labelledby="packages-title">
        <h2 id="packages-title">{t("analytics.packages")}</h2>
        {totals.packages.length === 0 ? (
          <p className="muted">{t("analytics.packages.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("analytics.col.provider")}</th>
                  <th scope="col">{t("analytics.col.licence")}</th>
                  <th scope="col">{t("analytics.bookings")}</th>
                  <th scope="col">{t("analytics.seats")}</th>
                </tr>
              </thead>
              <tbody>
                {totals.packages.map((pack) => (
                  <tr key={`${pack.provider}-${pack.licence}`}>
                    <th scope="row">{pack.provider}</th>
                    <td>{pack.licence}</td>
                    <td>{pack.bookings}</td>
                    <td>{pack.seats}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
