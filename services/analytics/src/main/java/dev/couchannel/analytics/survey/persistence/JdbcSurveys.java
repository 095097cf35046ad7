package dev.couchannel.analytics.survey.persistence;

import dev.couchannel.analytics.survey.Survey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Surveys in PostgreSQL, and the bookings that are due one (from the read model). */
@Repository
public class JdbcSurveys {

    /** A booking still confirmed whose session ended, with no survey yet. */
    public record Due(
            UUID bookingId,
            UUID sessionId,
            String guestId,
            @Nullable UUID venueId,
            @Nullable String hostId,
            Instant kickoff) {}

    private final JdbcClient jdbc;

    JdbcSurveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} due bookings that no other instance has locked (in the caller's
     * transaction): confirmed, of a session not cancelled whose kickoff is in {@code (after,
     * until]}, without a survey.
     */
    public List<Due> lockDue(Instant kickoffAfter, Instant kickoffUntil, int limit) {
        return jdbc.sql("""
                        SELECT b.booking_id, b.session_id, b.guest_id, s.venue_id, s.host_id, s.kickoff
                        FROM facts.bookings b JOIN facts.sessions s ON s.session_id = b.session_id
                        WHERE b.status = 'CONFIRMED' AND NOT s.cancelled
                          AND s.kickoff > :after AND s.kickoff <= :until
                          AND NOT EXISTS (SELECT 1 FROM surveys v WHERE v.booking_id = b.booking_id)
                        ORDER BY s.kickoff, b.booking_id
                        LIMIT :limit
                        FOR UPDATE OF b SKIP LOCKED
                        """)
                .param("after", Timestamp.from(kickoffAfter))
                .param("until", Timestamp.from(kickoffUntil))
                .param("limit", limit)
                .query((rs, row) -> new Due(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getString("guest_id"),
                        rs.getObject("venue_id", UUID.class),
                        rs.getString("host_id"),
                        rs.getTimestamp("kickoff").toInstant()))
                .list();
    }

    /** @return false when the booking has a survey already (it is asked once) */
    public boolean create(UUID surveyId, Due due, String tokenHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO surveys (survey_id, booking_id, session_id, guest_id, venue_id, host_id, kickoff,
                                             token_hash, created_at)
                        VALUES (:id, :booking, :session, :guest, :venue, :host, :kickoff, :hash, :now)
                        ON CONFLICT (booking_id) DO NOTHING
                        """)
                        .param("id", surveyId)
                        .param("booking", due.bookingId())
                        .param("session", due.sessionId())
                        .param("guest", due.guestId())
                        .param("venue", due.venueId())
                        .param("host", due.hostId())
                        .param("kickoff", Timestamp.from(due.kickoff()))
                        .param("hash", tokenHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<Survey> byTokenHash(String hash) {
        return jdbc.sql("""
                        SELECT survey_id, booking_id, session_id, kickoff, score, answered_at
                        FROM surveys WHERE token_hash = :hash
                        """)
                .param("hash", hash)
                .query((rs, row) -> {
                    Timestamp answered = rs.getTimestamp("answered_at");
                    return new Survey(
                            rs.getObject("survey_id", UUID.class),
                            rs.getObject("booking_id", UUID.class),
                            rs.getObject("session_id", UUID.class),
                            rs.getTimestamp("kickoff").toInstant(),
                            rs.getObject("score", Integer.class),
                            answered == null ? null : answered.toInstant());
                })
                .optional();
    }

    /** Records an answer unless one is recorded already (two answers racing: one wins). */
    public boolean record(Survey answered) {
        return jdbc.sql("""
                        UPDATE surveys SET score = :score, answered_at = :at
                        WHERE survey_id = :id AND score IS NULL
                        """)
                        .param("score", answered.score())
                        .param("at", Timestamp.from(answered.answeredAt()))
                        .param("id", answered.id())
                        .update()
                == 1;
    }
}
