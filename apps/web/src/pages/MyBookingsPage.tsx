import { useState, type FormEvent } from "react";
import { usePostReview, useCancelBooking, useMyBookings, useSession } from "../api/hooks";
import type { Booking, SessionDetails } from "../api/types";
import { refundEstimate } from "../logic/refund";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { Badge, EmptyState, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";
import { STATUS_TONE } from "./BookingPage";

export function MyBookingsPage() {
  const { t } = useI18n();
  const bookings = useMyBookings();
  return (
    <section className="stack" aria-labelledby="bookings-title">
      <h1 id="bookings-title">{t("bookings.title")}</h1>
      {bookings.isPending ? (
        <Spinner />
      ) : bookings.error ? (
        <ProblemMessage error={bookings.error} onRetry={() => void bookings.refetch()} />
      ) : bookings.data.length === 0 ? (
        <EmptyState
          action={
            <Link href="/" className="button button--primary">
              {t("nav.find")}
            </Link>
          }
        >
          {t("bookings.empty")}
        </EmptyState>
      ) : (
        <ul className="list">
          {bookings.data.map((booking) => (
            <BookingRow key={booking.id} booking={booking} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BookingRow({ booking }: { booking: Booking }) {
  const { t, money, dateTime } = useI18n();
  const session = useSession(booking.sessionId);
  const cancel = useCancelBooking();
  const [confirming, setConfirming] = useState(false);
  const fixture = session.data?.fixture;
  const title = fixture
    ? t("session.title", { home: fixture.homeTeam, away: fixture.awayTeam })
    : t("session.unknownFixture");
  return (
    <li className="card list__item" data-testid="booking-row">
      <div className="list__main">
        <h2 className="card__title">
          <Link href={`/bookings/${booking.id}`}>{title}</Link>
        </h2>
        <p className="muted">
          {fixture && <time dateTime={fixture.kickoff}>{dateTime(fixture.kickoff)}</time>} ·{" "}
          {booking.seats === 1 ? t("common.seat") : t("common.seats", { count: booking.seats })} ·{" "}
          <span data-testid="booking-total">{money(booking.total)}</span>
        </p>
        {booking.status === "CANCELLED" && booking.refund && (
          <p>{t("booking.cancelled", { refund: money(booking.refund) })}</p>
        )}
        {booking.reason && <p className="muted">{booking.reason}</p>}
      </div>
      <div className="list__side">
        <Badge tone={STATUS_TONE[booking.status]}>{t(`booking.status.${booking.status}`)}</Badge>
        {booking.refundStatus && (
          <Badge tone={booking.refundStatus === "SETTLED" ? "ok" : booking.refundStatus === "FAILED" ? "bad" : "wait"}>
            {t(`booking.refund.${booking.refundStatus}`)}
          </Badge>
        )}
        {booking.status === "CONFIRMED" &&
          (confirming ? (
            <div className="confirm" role="group" aria-label={t("bookings.cancelConfirm")}>
              <p>{t("bookings.cancelConfirm")}</p>
              <RefundPreview booking={booking} session={session.data} pending={session.isPending} />
              <div className="row">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(booking.id, { onSuccess: () => setConfirming(false) })}
                >
                  {t("common.yes")}
                </button>
                <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
                  {t("common.no")}
                </button>
              </div>
              {cancel.isPending && <Spinner label={t("bookings.cancelling")} inline />}
            </div>
          ) : (
            <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
              {t("bookings.cancel")}
            </button>
          ))}
        <ProblemMessage error={cancel.error} />
      </div>
      {booking.status === "CONFIRMED" && <ReviewForm booking={booking} kickoff={fixture?.kickoff} />}
    </li>
  );
}

/** What cancelling now gives back: computed from the session's policy, as no API previews it. */
function RefundPreview({
  booking,
  session,
  pending,
}: {
  booking: Booking;
  session: SessionDetails | undefined;
  pending: boolean;
}) {
  const { t, money, dateTime } = useI18n();
  if (pending) {
    return <Spinner inline />;
  }
  const kickoff = session?.fixture?.kickoff;
  if (!session?.refundPolicy || !kickoff || !booking.total || !booking.createdAt) {
    return <p className="muted">{t("refund.unknown")}</p>;
  }
  const estimate = refundEstimate(
    session.refundPolicy,
    booking.total,
    new Date(booking.createdAt),
    new Date(kickoff),
    new Date(),
  );
  return (
    <div className={estimate.full ? "alert alert--success" : "alert alert--warning"} data-testid="refund-preview">
      <p>
        <strong>{t("refund.estimate", { amount: money(estimate.amount) })}</strong>
      </p>
      <p className="muted">
        {estimate.full && estimate.fullUntil
          ? t("refund.fullUntil", { time: dateTime(estimate.fullUntil.toISOString()) })
          : t("refund.none")}{" "}
        {t(`session.refund.${session.refundPolicy}`)}
      </p>
    </div>
  );
}

/** Kickoff + 3 h: when the review service starts taking reviews of a session. */
const SESSION_LENGTH_MS = 3 * 3_600_000;

function ReviewForm({ booking, kickoff }: { booking: Booking; kickoff: string | undefined }) {
  const { t, dateTime } = useI18n();
  const post = usePostReview();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(5);
  const [text, setText] = useState("");
  const opensAt = kickoff ? new Date(Date.parse(kickoff) + SESSION_LENGTH_MS) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate({ bookingId: booking.id, rating, text });
  };
  if (post.isSuccess) {
    return <Notice tone="success">{t("review.thanks")}</Notice>;
  }
  if (!open) {
    return (
      <div className="review-entry">
        <button type="button" className="button button--ghost button--small" onClick={() => setOpen(true)}>
          {t("review.write")}
        </button>
        {opensAt && opensAt.getTime() > Date.now() && (
          <small className="muted"> {t("review.opens", { time: dateTime(opensAt.toISOString()) })}</small>
        )}
      </div>
    );
  }
  return (
    <form className="stack review-form" onSubmit={submit} aria-busy={post.isPending} data-testid="review-form">
      <fieldset className="rating-choice">
        <legend>{t("review.rating")}</legend>
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value} className="choice choice--inline">
            <input
              type="radio"
              name={`rating-${booking.id}`}
              value={value}
              checked={rating === value}
              onChange={() => setRating(value)}
            />
            <span>{t("reviews.stars", { rating: value })}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t("review.text")} hint={t("review.textHint")} error={fieldError(post.error, "text")}>
        {(props) => (
          <textarea
            {...props}
            className="input"
            rows={3}
            minLength={3}
            maxLength={2000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            required
          />
        )}
      </Field>
      <ProblemMessage error={post.error} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={post.isPending}>
          {t("review.submit")}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
        {post.isPending && <Spinner inline label={t("review.posting")} />}
      </div>
    </form>
  );
}
