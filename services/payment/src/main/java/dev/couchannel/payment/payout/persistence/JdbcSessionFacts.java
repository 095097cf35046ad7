package dev.couchannel.payment.payout.persistence;

import dev.couchannel.payment.payout.SessionFacts;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions' hosts and kickoffs in PostgreSQL ({@code session_facts}). */
@Repository
class JdbcSessionFacts implements SessionFacts {

    private final JdbcClient jdbc;

    JdbcSessionFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void published(String sessionId, String hostId, Instant kickoff, Instant at) {
        jdbc.sql("""
                        INSERT INTO session_facts (session_id, host_id, kickoff, updated_at)
                        VALUES (:session, :host, :kickoff, :at)
                        ON CONFLICT (session_id) DO UPDATE SET host_id = EXCLUDED.host_id, kickoff = EXCLUDED.kickoff,
                            updated_at = EXCLUDED.updated_at""")
                .param("session", sessionId)
                .param("host", hostId)
                .param("kickoff", Timestamp.from(kickoff))
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public void cancelled(String sessionId, String hostId, Instant at) {
        jdbc.sql("""
                        INSERT INTO session_facts (session_id, host_id, cancelled_at, updated_at)
                        VALUES (:session, :host, :at, :at)
                        ON CONFLICT (session_id) DO UPDATE SET cancelled_at = EXCLUDED.cancelled_at,
                            updated_at = EXCLUDED.updated_at""")
                .param("session", sessionId)
                .param("host", hostId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
