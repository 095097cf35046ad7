import { useState, type FormEvent } from "react";
import { useAddRule, useDisableRule, useRules } from "../api/hooks";
import { RULE_KINDS, type ComplianceRule, type RuleKind } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Badge, EmptyState, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

export function AdminPage() {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <div className="stack">
      <h1>{t("admin.title")}</h1>
      <section className="card stack" aria-labelledby="rules-title">
        <h2 id="rules-title" className="visually-hidden">
          {t("admin.title")}
        </h2>
        {rules.isPending ? (
          <Spinner />
        ) : rules.error ? (
          <ProblemMessage error={rules.error} onRetry={() => void rules.refetch()} />
        ) : rules.data.length === 0 ? (
          <EmptyState>{t("admin.empty")}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.col.rule")}</th>
                  <th scope="col">{t("admin.col.kind")}</th>
                  <th scope="col">{t("admin.col.scope")}</th>
                  <th scope="col">{t("admin.col.state")}</th>
                  <th scope="col">{t("admin.col.reason")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("host.col.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.data.map((rule) => (
                  <RuleRow key={rule.ref} rule={rule} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddRule />
    </div>
  );
}

function RuleRow({ rule }: { rule: ComplianceRule }) {
  const { t } = useI18n();
  const disable = useDisableRule();
  const scope = Object.entries(rule.scope ?? {})
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
  return (
    <tr className={rule.current ? undefined : "table__old"}>
      <th scope="row">
        <code>{rule.ref}</code>
      </th>
      <td>{rule.kind}</td>
      <td>{scope || "—"}</td>
      <td>
        {!rule.current ? (
          <Badge tone="muted">{t("admin.old")}</Badge>
        ) : rule.enabled ? (
          <Badge tone="ok">{t("admin.enabled")}</Badge>
        ) : (
          <Badge tone="bad">{t("admin.disabled")}</Badge>
        )}
      </td>
      <td>{rule.reason}</td>
      <td>
        {rule.current && rule.enabled && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={disable.isPending}
            onClick={() => disable.mutate(rule.id)}
            aria-label={`${t("admin.disable")} ${rule.ref}`}
          >
            {t("admin.disable")}
          </button>
        )}
        {disable.isPending && <Spinner inline />}
        <ProblemMessage error={disable.error} />
      </td>
    </tr>
  );
}

function AddRule() {
  const { t } = useI18n();
  const add = useAddRule();
  const [id, setId] = useState("");
  const [kind, setKind] = useState<RuleKind>("ATTENDEE_THRESHOLD");
  const [territory, setTerritory] = useState("");
  const [competition, setCompetition] = useState("");
  const [parameters, setParameters] = useState("{}");
  const [reason, setReason] = useState("");
  const [parametersError, setParametersError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(parameters || "{}");
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      setParametersError(t("admin.parametersInvalid"));
      return;
    }
    setParametersError(undefined);
    add.mutate({
      id,
      kind,
      reason,
      scope: { territory: territory || undefined, competition: competition || undefined },
      parameters: parsed as Record<string, string | number | boolean>,
    });
  };

  return (
    <section className="card stack" aria-labelledby="add-rule">
      <h2 id="add-rule">{t("admin.add")}</h2>
      <form className="form-grid" onSubmit={submit} aria-busy={add.isPending}>
        <Field label={t("admin.id")} error={fieldError(add.error, "id")}>
          {(props) => (
            <input {...props} className="input" value={id} onChange={(e) => setId(e.target.value)} required />
          )}
        </Field>
        <Field label={t("admin.kind")} error={fieldError(add.error, "kind")}>
          {(props) => (
            <select {...props} className="input" value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
              {RULE_KINDS.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("admin.territory")} error={fieldError(add.error, "scope.territory")}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={territory}
              maxLength={2}
              onChange={(e) => setTerritory(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field label={t("admin.competition")} error={fieldError(add.error, "scope.competition")}>
          {(props) => (
            <input {...props} className="input" value={competition} onChange={(e) => setCompetition(e.target.value)} />
          )}
        </Field>
        <div className="form-grid__wide">
          <Field label={t("admin.parameters")} error={parametersError ?? fieldError(add.error, "parameters")}>
            {(props) => (
              <textarea
                {...props}
                className="input input--mono"
                rows={3}
                value={parameters}
                onChange={(e) => setParameters(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-grid__wide">
          <Field label={t("admin.reason")} error={fieldError(add.error, "reason")}>
            {(props) => (
              <input {...props} className="input" value={reason} onChange={(e) => setReason(e.target.value)} required />
            )}
          </Field>
        </div>
        <div className="form-grid__wide stack">
          <ProblemMessage error={add.error} />
          {add.isSuccess && <Notice tone="success">{t("admin.saved", { ref: add.data.ref })}</Notice>}
          <div className="row">
            <button type="submit" className="button button--primary" disabled={add.isPending}>
              {t("admin.submit")}
            </button>
            {add.isPending && <Spinner inline />}
          </div>
        </div>
      </form>
    </section>
  );
}
