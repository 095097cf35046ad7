package dev.couchannel.notification.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Kickoff reminders in PostgreSQL: scheduled, cancelled, claimed with a lease, marked sent. */
@Repository
public class Reminders {

    public enum Kind {
        H24(Duration.ofHours(24)),
        H2(Duration.ofHours(2));

        final Duration before;

        Kind(Duration before) {
            this.before = before;
        }
    }

    public record Reminder(UUID id, String bookingId, String sessionId, String guestId, Kind kind, Instant dueAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Schedules the 24 h and 2 h reminders of a booking, except those already due. */
    public int schedule(String bookingId, String sessionId, String guestId, Instant kickoff) {
        Instant now = clock.instant();
        int scheduled = 0;
        for (Kind kind : Kind.values()) {
            Instant due = kickoff.minus(kind.before);
            if (!due.isAfter(now)) {
                continue;
            }
            scheduled += jdbc.sql("""
                            INSERT INTO reminders (id, booking_id, session_id, guest_id, kind, due_at, status)
                            VALUES (:id, :booking, :session, :guest, :kind, :due, 'PENDING')
                            ON CONFLICT (booking_id, kind) DO NOTHING""")
                    .param("id", UUID.randomUUID())
                    .param("booking", bookingId)
                    .param("session", sessionId)
                    .param("guest", guestId)
                    .param("kind", kind.name())
                    .param("due", Timestamp.from(due))
                    .update();
        }
        return scheduled;
    }

    public int cancelBooking(String bookingId) {
        return jdbc.sql("UPDATE reminders SET status = 'CANCELLED' WHERE booking_id = :id AND status = 'PENDING'")
                .param("id", bookingId)
                .update();
    }

    public int cancelSession(String sessionId) {
        return jdbc.sql("UPDATE reminders SET status = 'CANCELLED' WHERE session_id = :id AND status = 'PENDING'")
                .param("id", sessionId)
                .update();
    }

    /** Leases up to {@code limit} due reminders that no other instance holds. */
    List<Reminder> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE reminders SET locked_until = :until
                        WHERE id IN (SELECT id FROM reminders
                                     WHERE status = 'PENDING' AND due_at <= :now
                                       AND (locked_until IS NULL OR locked_until < :now)
                                     ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, booking_id, session_id, guest_id, kind, due_at""")
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Reminder(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Kind.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Marks a claimed reminder sent, in the transaction that queues its mail.
     *
     * @return false when it was cancelled (or sent) meanwhile: then nothing may be queued
     */
    boolean markSent(UUID id) {
        return jdbc.sql("""
                        UPDATE reminders SET status = 'SENT', sent_at = :now, locked_until = NULL
                        WHERE id = :id AND status = 'PENDING'""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                > 0;
    }

    void retryLater(UUID id, Duration pause) {
        jdbc.sql("UPDATE reminders SET locked_until = :until WHERE id = :id")
                .param("until", Timestamp.from(clock.instant().plus(pause)))
                .param("id", id)
                .update();
    }
}
