import { useMarkNoShow, useSessionBookings } from "../api/hooks";
import { useI18n } from "../i18n/i18n";
import { noShowState } from "../logic/noshow";
import { Badge, ProblemMessage, Spinner } from "../ui/kit";

/** A session's bookings for its host: guests (masked), seats, status, and a no-show button once the match is on. */
export function SessionBookingsPanel({ sessionId, title }: { sessionId: string; title: string }) {
  const { t, money, dateTime } = useI18n();
  const bookings = useSessionBookings(sessionId, true);
  const noShow = useMarkNoShow(sessionId);
  if (bookings.isPending) {
    return <Spinner />;
  }
  if (bookings.error) {
    return <ProblemMessage error={bookings.error} onRetry={() => void bookings.refetch()} />;
  }
  const data = bookings.data;
  if (data.bookings.length === 0) {
    return <p className="muted">{t("sessionBookings.none")}</p>;
  }
  const now = Date.now();
  return (
    <div className="stack" data-testid="session-bookings">
      <table className="table">
        <caption>{t("sessionBookings.caption", { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sessionBookings.guest")}</th>
            <th scope="col">{t("host.col.sold")}</th>
            <th scope="col">{t("host.col.status")}</th>
            <th scope="col">{t("sessionBookings.total")}</th>
            <th scope="col">{t("sessionBookings.noShow")}</th>
          </tr>
        </thead>
        <tbody>
          {data.bookings.map((booking) => {
            const state = noShowState(booking, data.kickoff, now);
            return (
              <tr key={booking.id}>
                <th scope="row">{booking.guest}</th>
                <td>{booking.seats}</td>
                <td>
                  <Badge tone={booking.status === "CONFIRMED" ? "ok" : booking.status === "PENDING" ? "wait" : "muted"}>
                    {t(`booking.status.${booking.status}`)}
                  </Badge>
                </td>
                <td>{money(booking.total)}</td>
                <td>
                  {state === "recorded" ? (
                    t("sessionBookings.recorded", { at: dateTime(booking.noShowAt ?? undefined) })
                  ) : state === "allowed" ? (
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      disabled={noShow.isPending}
                      onClick={() => noShow.mutate(booking.id)}
                      aria-label={t("sessionBookings.markFor", { guest: booking.guest })}
                    >
                      {t("sessionBookings.mark")}
                    </button>
                  ) : state === "tooEarly" ? (
                    <span className="muted">{t("sessionBookings.afterKickoff")}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {noShow.isPending && <Spinner inline label={t("common.saving")} />}
      <ProblemMessage error={noShow.error} />
    </div>
  );
}
