import { useBooking, useSession } from "../api/hooks";
import type { Booking, BookingStatus } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { Badge, Notice, ProblemMessage, Spinner } from "../ui/kit";

export const STATUS_TONE: Record<BookingStatus, "ok" | "bad" | "wait" | "muted"> = {
  PENDING: "wait",
  CONFIRMED: "ok",
  REJECTED: "bad",
  CANCELLED: "muted",
};

export function BookingPage({ id }: { id: string }) {
  const { t } = useI18n();
  const booking = useBooking(id);
  if (booking.isPending) {
    return <Spinner />;
  }
  if (booking.error) {
    return <ProblemMessage error={booking.error} onRetry={() => void booking.refetch()} />;
  }
  return (
    <section className="stack narrow" aria-labelledby="booking-title">
      <h1 id="booking-title">{t("booking.title")}</h1>
      <BookingOutcome booking={booking.data} />
      <div className="row">
        <Link href={`/sessions/${booking.data.sessionId}`} className="button button--ghost">
          {t("booking.toSession")}
        </Link>
        <Link href="/bookings" className="button button--ghost">
          {t("booking.toList")}
        </Link>
      </div>
    </section>
  );
}

function BookingOutcome({ booking }: { booking: Booking }) {
  const { t, money, dateTime } = useI18n();
  const session = useSession(booking.sessionId);
  const fixture = session.data?.fixture;
  const seats = booking.seats === 1 ? t("common.seat") : t("common.seats", { count: booking.seats });
  return (
    <div className="card stack" data-testid="booking">
      <p className="row">
        <Badge tone={STATUS_TONE[booking.status]}>
          <span data-testid="booking-status" data-status={booking.status}>
            {t(`booking.status.${booking.status}`)}
          </span>
        </Badge>
        {fixture && (
          <strong>
            {t("session.title", { home: fixture.homeTeam, away: fixture.awayTeam })} ·{" "}
            <time dateTime={fixture.kickoff}>{dateTime(fixture.kickoff)}</time>
          </strong>
        )}
      </p>
      <div aria-live="polite">
        {booking.status === "PENDING" && <Spinner label={t("booking.pending")} />}
        {booking.status === "CONFIRMED" && (
          <Notice tone="success">{t("booking.confirmed", { seats, total: money(booking.total) })}</Notice>
        )}
        {booking.status === "REJECTED" && (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">{t("booking.rejected")}</p>
            {booking.reason && <p data-testid="booking-reason">{t("booking.reason", { reason: booking.reason })}</p>}
            {session.data && <p>{t("booking.seatsBack", { count: session.data.seatsLeft })}</p>}
          </div>
        )}
        {booking.status === "CANCELLED" && (
          <Notice>
            {t("booking.cancelled", { refund: money(booking.refund) })}{" "}
            {booking.refundStatus && <Badge tone="muted">{t(`booking.refund.${booking.refundStatus}`)}</Badge>}
            {booking.reason && <> · {booking.reason}</>}
          </Notice>
        )}
      </div>
      <dl className="facts facts--inline">
        <div>
          <dt>{t("booking.seats")}</dt>
          <dd>{booking.seats}</dd>
        </div>
        <div>
          <dt>{t("booking.total")}</dt>
          <dd>{money(booking.total)}</dd>
        </div>
        {booking.createdAt && (
          <div>
            <dt>{t("booking.created")}</dt>
            <dd>{dateTime(booking.createdAt)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
