import { useId, type ReactNode } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n/i18n";

/** The progress indicator of every wait: announced to screen readers, visible to everyone. */
export function Spinner({ label, inline = false }: { label?: string; inline?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={inline ? "spinner spinner--inline" : "spinner"} role="status" aria-live="polite">
      <span className="spinner__wheel" aria-hidden="true" />
      <span className="spinner__label">{label ?? t("common.loading")}</span>
    </span>
  );
}

/** What went wrong, in the API's words: detail, each field to fix, each rule that refused. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) {
    return null;
  }
  let title = t("error.title");
  let detail: string | undefined;
  let fields: { label: string; message: string }[] = [];
  if (error instanceof ApiError) {
    if (error.unreachable) {
      detail = t("error.network");
    } else {
      title = error.problem.title ?? title;
      detail = error.problem.detail ?? (error.status === 403 ? t("error.forbidden") : undefined);
      fields = (error.problem.errors ?? []).map((field) => ({
        label: field.field ?? (field.line !== undefined ? `#${field.line}` : ""),
        message: field.message ?? field.problem ?? "",
      }));
    }
  } else if (error instanceof Error) {
    detail = error.message;
  }
  const findings = error instanceof ApiError ? (error.problem.findings ?? []) : [];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{title}</p>
      {detail && <p className="alert__detail">{detail}</p>}
      {fields.length > 0 && (
        <>
          <p>{t("error.fields")}</p>
          <ul className="alert__list">
            {fields.map((field, index) => (
              <li key={index}>
                {field.label && <code>{field.label}</code>} {field.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {findings.length > 0 && (
        <ul className="alert__list" aria-label={t("host.rejected")}>
          {findings.map((finding) => (
            <li key={finding.ruleId}>
              <code>{finding.ruleId}</code> {finding.reason}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--ghost" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`alert alert--${tone}`} role="status">
      {children}
    </div>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <span className="empty__icon" aria-hidden="true">
        📺
      </span>
      <p>{children}</p>
      {action}
    </div>
  );
}

export function Badge({ tone, children }: { tone: "ok" | "bad" | "wait" | "muted"; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** A labelled form field with its hint and the API's error for it, wired for assistive technology. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": described || undefined, "aria-invalid": error ? true : undefined })}
      {hint && (
        <small id={`${id}-hint`} className="field__hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field__error">
          {error}
        </small>
      )}
    </div>
  );
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}
