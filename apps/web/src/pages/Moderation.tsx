import { useState } from "react";
import { useModerateReview, useReportedReviews } from "../api/hooks";
import type { Review } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Badge, EmptyState, Field, ProblemMessage, Spinner } from "../ui/kit";
import { Stars } from "./SearchPage";

/** Reported reviews, most reported first: an admin hides one (it stops counting) or puts it back. */
export function Moderation() {
  const { t } = useI18n();
  const reported = useReportedReviews();
  return (
    <section className="stack" aria-labelledby="moderation-title" data-testid="moderation">
      <h1 id="moderation-title">{t("moderation.title")}</h1>
      <p className="muted">{t("moderation.intro")}</p>
      {reported.isPending ? (
        <Spinner />
      ) : reported.error ? (
        <ProblemMessage error={reported.error} onRetry={() => void reported.refetch()} />
      ) : reported.data.length === 0 ? (
        <EmptyState>{t("moderation.none")}</EmptyState>
      ) : (
        <ul className="list">
          {reported.data.map((review) => (
            <ReportedReview key={review.id} review={review} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportedReview({ review }: { review: Review }) {
  const { t, dateTime } = useI18n();
  const moderate = useModerateReview();
  const [reason, setReason] = useState("");
  const hidden = moderate.data?.hidden ?? review.hidden ?? false;
  return (
    <li className="review card stack">
      <p>
        <Stars value={review.rating} />{" "}
        <span className="visually-hidden">{t("reviews.stars", { rating: review.rating })}</span>
        <time className="muted" dateTime={review.postedAt}>
          {dateTime(review.postedAt)}
        </time>{" "}
        <Badge tone={hidden ? "muted" : "wait"}>{hidden ? t("moderation.hidden") : t("moderation.visible")}</Badge>{" "}
        <span className="muted">{t("moderation.reports", { count: review.reports ?? 0 })}</span>
      </p>
      <p>{review.text}</p>
      {review.guestId && <p className="muted">{t("moderation.by", { guest: review.guestId })}</p>}
      {!hidden && (
        <Field label={t("moderation.reason")}>
          {(props) => (
            <input {...props} className="input" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
      )}
      <div>
        <button
          type="button"
          className="button button--ghost"
          disabled={moderate.isPending}
          onClick={() => moderate.mutate({ id: review.id, hide: !hidden, reason })}
        >
          {moderate.isPending ? t("common.saving") : hidden ? t("moderation.restore") : t("moderation.hide")}
        </button>
      </div>
      {moderate.isPending && <Spinner inline label={t("common.saving")} />}
      <ProblemMessage error={moderate.error} />
    </li>
  );
}
