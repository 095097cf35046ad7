package dev.couchannel.booking.reservation.persistence;

import dev.couchannel.booking.reservation.CancelledBy;
import dev.couchannel.booking.reservation.CancelledSessions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCancelledSessions implements CancelledSessions {

    private final JdbcClient jdbc;

    JdbcCancelledSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(SessionCancellation cancellation, Instant at) {
        return jdbc.sql("""
                        INSERT INTO cancelled_sessions (session_id, cancelled_by, reason, cancelled_at)
                        VALUES (:session, :by, :reason, :at) ON CONFLICT DO NOTHING
                        """)
                        .param("session", cancellation.sessionId())
                        .param("by", cancellation.by().name())
                        .param("reason", cancellation.reason())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    @Override
    public Optional<SessionCancellation> find(UUID sessionId) {
        return jdbc.sql("SELECT session_id, cancelled_by, reason FROM cancelled_sessions WHERE session_id = :session")
                .param("session", sessionId)
                .query((rs, n) -> new SessionCancellation(
                        rs.getObject("session_id", UUID.class),
                        CancelledBy.valueOf(rs.getString("cancelled_by")),
                        rs.getString("reason")))
                .optional();
    }
}
