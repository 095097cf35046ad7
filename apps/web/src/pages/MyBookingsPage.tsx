import { useState } from "react";
import { useCancelBooking, useMyBookings, useSession } from "../api/hooks";
import type { Booking } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { Badge, EmptyState, ProblemMessage, Spinner } from "../ui/kit";
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
          {money(booking.total)}
        </p>
        {booking.status === "CANCELLED" && booking.refund && (
          <p>{t("booking.cancelled", { refund: money(booking.refund) })}</p>
        )}
        {booking.reason && <p className="muted">{booking.reason}</p>}
      </div>
      <div className="list__side">
        <Badge tone={STATUS_TONE[booking.status]}>{t(`booking.status.${booking.status}`)}</Badge>
        {booking.refundStatus && (
          <Badge tone={booking.refundStatus === "SETTLED" ? "ok" : "wait"}>
            {t(`booking.refund.${booking.refundStatus}`)}
          </Badge>
        )}
        {booking.status === "CONFIRMED" &&
          (confirming ? (
            <div className="confirm" role="group" aria-label={t("bookings.cancelConfirm")}>
              <p>{t("bookings.cancelConfirm")}</p>
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
    </li>
  );
}
