package dev.couchannel.inventory.seating.persistence;

import dev.couchannel.inventory.seating.CancellationCause;
import dev.couchannel.inventory.seating.SessionCancellation;
import dev.couchannel.inventory.seating.SessionCancellations;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSessionCancellations implements SessionCancellations {

    private final JdbcClient jdbc;

    JdbcSessionCancellations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SessionCancellation cancellation) {
        jdbc.sql("""
                        INSERT INTO session_cancellations (session_id, cause, reason, cancelled_by, cancelled_at)
                        VALUES (:session, :cause, :reason, :by, :at)
                        """)
                .param("session", cancellation.sessionId())
                .param("cause", cancellation.cause().name())
                .param("reason", cancellation.reason())
                .param("by", cancellation.cancelledBy())
                .param("at", Timestamp.from(cancellation.at()))
                .update();
    }

    @Override
    public Optional<SessionCancellation> find(UUID sessionId) {
        return jdbc.sql("""
                        SELECT session_id, cause, reason, cancelled_by, cancelled_at FROM session_cancellations
                        WHERE session_id = :session
                        """)
                .param("session", sessionId)
                .query((rs, row) -> new SessionCancellation(
                        rs.getObject("session_id", UUID.class),
                        CancellationCause.valueOf(rs.getString("cause")),
                        rs.getString("reason"),
                        rs.getString("cancelled_by"),
                        rs.getTimestamp("cancelled_at").toInstant()))
                .optional();
    }
}
