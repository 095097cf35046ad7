import { useState, type FormEvent } from "react";
import { useMyVenues, useReplyToReview, useVenueReviews } from "../api/hooks";
import type { Review, Venue } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";
import { Stars } from "./SearchPage";

/** The reviews of the host's venues, each answerable once (replying within 48 h counts in their reputation). */
export function HostReviews() {
  const { t } = useI18n();
  const venues = useMyVenues();
  if (venues.isPending) {
    return <Spinner />;
  }
  if (venues.error) {
    return <ProblemMessage error={venues.error} onRetry={() => void venues.refetch()} />;
  }
  if (venues.data.length === 0) {
    return null;
  }
  return (
    <section className="card stack" aria-labelledby="host-reviews-title" data-testid="host-reviews">
      <h2 id="host-reviews-title">{t("hostReviews.title")}</h2>
      <p className="muted">{t("hostReviews.intro")}</p>
      {venues.data.map((venue) => (
        <VenueReviewList key={venue.id} venue={venue} />
      ))}
    </section>
  );
}

function VenueReviewList({ venue }: { venue: Venue }) {
  const { t } = useI18n();
  const reviews = useVenueReviews(venue.id);
  return (
    <div className="stack">
      <h3>{venue.name}</h3>
      {reviews.isPending ? (
        <Spinner inline />
      ) : reviews.error ? (
        <ProblemMessage error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <p className="muted">{t("reviews.none")}</p>
      ) : (
        <ul className="list">
          {reviews.data.items.map((review) => (
            <ReviewItem key={review.id} review={review} venueId={venue.id} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ReviewItem({ review, venueId }: { review: Review; venueId: string }) {
  const { t, dateTime } = useI18n();
  const reply = useReplyToReview(venueId);
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ id: review.id, text: text.trim() });
  };
  const answered = review.reply ?? reply.data?.reply;
  return (
    <li className="review">
      <p>
        <Stars value={review.rating} />{" "}
        <span className="visually-hidden">{t("reviews.stars", { rating: review.rating })}</span>
        <time className="muted" dateTime={review.postedAt}>
          {dateTime(review.postedAt)}
        </time>
      </p>
      <p>{review.text}</p>
      {answered ? (
        <p className="review__reply">
          <strong>{t("reviews.reply")}</strong> {answered.text}
        </p>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <Field label={t("hostReviews.reply")} error={fieldError(reply.error, "text")}>
            {(props) => (
              <textarea {...props} className="input" rows={2} maxLength={1000} value={text} onChange={(event) => setText(event.target.value)} />
            )}
          </Field>
          <div>
            <button type="submit" className="button button--ghost" disabled={reply.isPending || !text.trim()}>
              {reply.isPending ? t("common.saving") : t("hostReviews.send")}
            </button>
          </div>
          {reply.isPending && <Spinner inline label={t("common.saving")} />}
          {reply.isSuccess && <Notice tone="success">{t("hostReviews.sent")}</Notice>}
          <ProblemMessage error={reply.error} />
        </form>
      )}
    </li>
  );
}
