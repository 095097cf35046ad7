import { useState, type FormEvent } from "react";
import { useAddRule, useAudit, useChangeRoles, useDisableRule, useRules, useUsers } from "../api/hooks";
import { ROLES, RULE_KINDS, type ComplianceRule, type IdentityUser, type Role, type RuleKind } from "../api/types";
import { Link } from "../router";
import { AnalyticsPage } from "./AnalyticsPage";
import { Moderation } from "./Moderation";
import { useI18n } from "../i18n/i18n";
import { Badge, EmptyState, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

export type AdminTab = "rules" | "users" | "audit" | "analytics" | "reviews";

export function AdminPage({ tab }: { tab: AdminTab }) {
  const { t } = useI18n();
  const tabs: { id: AdminTab; href: string; label: string }[] = [
    { id: "rules", href: "/admin", label: t("admin.title") },
    { id: "users", href: "/admin/users", label: t("users.title") },
    { id: "audit", href: "/admin/audit", label: t("audit.title") },
    { id: "analytics", href: "/admin/analytics", label: t("analytics.adminTitle") },
    { id: "reviews", href: "/admin/reviews", label: t("moderation.title") },
  ];
  return (
    <div className="stack">
      <nav aria-label={t("admin.sections")} className="tabs">
        <ul>
          {tabs.map((item) => (
            <li key={item.id}>
              <Link href={item.href} className="tabs__link" aria-current={tab === item.id ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === "rules" ? (
        <Rules />
      ) : tab === "users" ? (
        <Users />
      ) : tab === "analytics" ? (
        <AnalyticsPage scope="admin" />
      ) : tab === "reviews" ? (
        <Moderation />
      ) : (
        <Audit />
      )}
    </div>
  );
}

function Rules() {
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

function Users() {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const users = useUsers(q);
  return (
    <section className="stack" aria-labelledby="users-title">
      <h1 id="users-title">{t("users.title")}</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()} className="field">
        <label htmlFor="users-q">{t("users.search")}</label>
        <input
          id="users-q"
          type="search"
          className="input"
          value={q}
          autoComplete="off"
          onChange={(event) => setQ(event.target.value)}
        />
      </form>
      <div className="card" aria-busy={users.isFetching} data-testid="users">
        {users.isPending ? (
          <Spinner />
        ) : users.error ? (
          <ProblemMessage error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.length === 0 ? (
          <EmptyState>{t("users.empty")}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("users.col.email")}</th>
                  <th scope="col">{t("users.col.verified")}</th>
                  <th scope="col">{t("users.col.roles")}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <UserRow key={user.id} user={user} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {users.isFetching && !users.isPending && <Spinner inline />}
      </div>
    </section>
  );
}

function UserRow({ user }: { user: IdentityUser }) {
  const { t } = useI18n();
  const change = useChangeRoles();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const dirty = [...roles].sort().join() !== [...user.roles].sort().join();
  const toggle = (role: Role, on: boolean) =>
    setRoles((current) => (on ? [...current, role] : current.filter((item) => item !== role)));
  return (
    <tr data-testid="user-row">
      <th scope="row">{user.email}</th>
      <td>{user.emailVerified ? t("common.yes") : t("common.no")}</td>
      <td>
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate({ id: user.id, roles });
          }}
          aria-busy={change.isPending}
        >
          <fieldset className="row roles">
            <legend className="visually-hidden">{t("users.rolesOf", { email: user.email })}</legend>
            {ROLES.map((role) => (
              <label key={role} className="choice choice--inline">
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(event) => toggle(role, event.target.checked)}
                />
                <span>{t(`users.role.${role}`)}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="button button--small"
            disabled={!dirty || change.isPending}
            aria-label={t("users.saveFor", { email: user.email })}
          >
            {t("common.save")}
          </button>
          {change.isPending && <Spinner inline />}
          {change.isSuccess && !dirty && <span className="muted">{t("users.saved")}</span>}
        </form>
        <ProblemMessage error={change.error} />
      </td>
    </tr>
  );
}

const AUDIT_TYPES = [
  "LOGIN_SUCCEEDED",
  "LOGIN_FAILED",
  "LOGIN_THROTTLED",
  "ACCOUNT_LOCKED",
  "LOGIN_REFUSED_LOCKED",
  "ROLES_CHANGED",
  "USER_REGISTERED",
  "EMAIL_VERIFIED",
  "KEY_ROTATED",
  "KEY_RETIRED",
];

function Audit() {
  const { t, dateTime } = useI18n();
  const [type, setType] = useState("");
  const audit = useAudit(type);
  return (
    <section className="stack" aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <div className="field">
        <label htmlFor="audit-type">{t("audit.type")}</label>
        <select id="audit-type" className="input" value={type} onChange={(event) => setType(event.target.value)}>
          <option value="">{t("search.any")}</option>
          {AUDIT_TYPES.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      </div>
      <div className="card">
        {audit.isPending ? (
          <Spinner />
        ) : audit.error ? (
          <ProblemMessage error={audit.error} onRetry={() => void audit.refetch()} />
        ) : audit.data.length === 0 ? (
          <EmptyState>{t("audit.empty")}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("audit.col.at")}</th>
                  <th scope="col">{t("audit.col.type")}</th>
                  <th scope="col">{t("audit.col.actor")}</th>
                  <th scope="col">{t("audit.col.subject")}</th>
                  <th scope="col">{t("audit.col.details")}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.map((event) => (
                  <tr key={event.id} data-testid="audit-row">
                    <td>
                      <time dateTime={event.at}>{dateTime(event.at)}</time>
                    </td>
                    <td>
                      <code>{event.type}</code>
                    </td>
                    <td>{event.actor ?? "—"}</td>
                    <td>{event.subject ?? "—"}</td>
                    <td>
                      <code className="wrap">{JSON.stringify(event.details)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
