package dev.couchannel.recommendation.taste;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A live booking with what its session says about the guest's taste; host and teams are null while
 * the session's facts have not arrived (the booking still counts as "already booked").
 */
public record BookedSession(
        String guest,
        String sessionId,
        @Nullable String host,
        @Nullable String homeTeam,
        @Nullable String awayTeam) {

    public static BookedSession of(Booking booking, @Nullable Session session) {
        return session == null
                ? new BookedSession(booking.guest(), booking.sessionId(), null, null, null)
                : new BookedSession(
                        booking.guest(), booking.sessionId(), session.host(), session.homeTeam(), session.awayTeam());
    }

    /** The teams of the session's fixture, without blanks and without a team twice. */
    public List<String> teams() {
        return Session.teams(homeTeam, awayTeam);
    }
}
