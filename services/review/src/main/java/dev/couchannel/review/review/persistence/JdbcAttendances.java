package dev.couchannel.review.review.persistence;

import dev.couchannel.review.review.Attendance;
import dev.couchannel.review.review.Attendances;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts of bookings and sessions, kept from booking's and inventory's events (written by the
 * consumer in its inbox transaction, read when a guest reviews). Every write is an upsert that
 * tolerates a redelivery and a missing earlier event.
 */
@Repository
public class JdbcAttendances implements Attendances {

    private final JdbcClient jdbc;
    private final Duration sessionLength;

    JdbcAttendances(JdbcClient jdbc, @Value("${couchannel.review.session-length:3h}") Duration sessionLength) {
        this.jdbc = jdbc;
        this.sessionLength = sessionLength;
    }

    @Override
    public Optional<Attendance> of(UUID bookingId) {
        return jdbc.sql("""
                        SELECT b.booking_id, b.session_id, b.guest_id, b.status,
                               s.venue_id, s.host_id, s.kickoff, coalesce(s.cancelled, false) AS cancelled
                        FROM bookings b LEFT JOIN sessions s ON s.session_id = b.session_id
                        WHERE b.booking_id = :id
                        """)
                .param("id", bookingId)
                .query((rs, row) -> {
                    Timestamp kickoff = rs.getTimestamp("kickoff");
                    return new Attendance(
                            rs.getObject("booking_id", UUID.class),
                            rs.getObject("session_id", UUID.class),
                            rs.getString("guest_id"),
                            rs.getString("status"),
                            rs.getObject("venue_id", UUID.class),
                            rs.getString("host_id"),
                            kickoff == null ? null : kickoff.toInstant().plus(sessionLength),
                            rs.getBoolean("cancelled"));
                })
                .optional();
    }

    /** Whether a session's venue, host and kickoff are known. */
    public boolean sessionKnown(UUID sessionId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM sessions WHERE session_id = :id AND venue_id IS NOT NULL)")
                .param("id", sessionId)
                .query(Boolean.class)
                .single();
    }

    /** A booking was confirmed; a later cancellation already recorded stays. */
    public void bookingConfirmed(UUID bookingId, UUID sessionId, String guestId) {
        jdbc.sql("""
                        INSERT INTO bookings (booking_id, session_id, guest_id, status)
                        VALUES (:id, :session, :guest, 'CONFIRMED')
                        ON CONFLICT (booking_id) DO NOTHING
                        """)
                .param("id", bookingId)
                .param("session", sessionId)
                .param("guest", guestId)
                .update();
    }

    public void bookingCancelled(UUID bookingId, UUID sessionId, String guestId) {
        jdbc.sql("""
                        INSERT INTO bookings (booking_id, session_id, guest_id, status)
                        VALUES (:id, :session, :guest, 'CANCELLED')
                        ON CONFLICT (booking_id) DO UPDATE SET status = 'CANCELLED'
                        """)
                .param("id", bookingId)
                .param("session", sessionId)
                .param("guest", guestId)
                .update();
    }

    public void sessionPublished(UUID sessionId, UUID venueId, String hostId, Instant kickoff) {
        jdbc.sql("""
                        INSERT INTO sessions (session_id, venue_id, host_id, kickoff)
                        VALUES (:id, :venue, :host, :kickoff)
                        ON CONFLICT (session_id) DO UPDATE SET
                            venue_id = EXCLUDED.venue_id, host_id = EXCLUDED.host_id, kickoff = EXCLUDED.kickoff
                        """)
                .param("id", sessionId)
                .param("venue", venueId)
                .param("host", hostId)
                .param("kickoff", Timestamp.from(kickoff))
                .update();
    }

    public void sessionCancelled(UUID sessionId) {
        jdbc.sql("""
                        INSERT INTO sessions (session_id, cancelled) VALUES (:id, true)
                        ON CONFLICT (session_id) DO UPDATE SET cancelled = true
                        """).param("id", sessionId).update();
    }
}
