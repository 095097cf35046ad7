package dev.couchannel.compliance.rules.persistence;

import dev.couchannel.compliance.rules.BookingVerdicts;
import dev.couchannel.compliance.rules.Finding;
import dev.couchannel.compliance.rules.Verdict;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcBookingVerdicts implements BookingVerdicts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcBookingVerdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Verdict> find(UUID bookingId) {
        return jdbc.sql("""
                        SELECT findings::text AS findings, rules_evaluated::text AS rules_evaluated
                        FROM booking_verdicts WHERE booking_id = :id
                        """)
                .param("id", bookingId)
                .query((row, n) ->
                        new Verdict(findings(row.getString("findings")), refs(row.getString("rules_evaluated"))))
                .optional();
    }

    @Override
    public void recordFirst(UUID bookingId, String sessionId, Verdict verdict, Instant at) {
        jdbc.sql("""
                        INSERT INTO booking_verdicts (booking_id, session_id, allowed, findings, rules_evaluated, decided_at)
                        VALUES (:id, :session, :allowed, :findings::jsonb, :evaluated::jsonb, :at)
                        ON CONFLICT (booking_id) DO NOTHING
                        """)
                .param("id", bookingId)
                .param("session", sessionId)
                .param("allowed", verdict.allowed())
                .param("findings", JSON.writeValueAsString(verdict.findings()))
                .param("evaluated", JSON.writeValueAsString(verdict.rulesEvaluated()))
                .param("at", Timestamp.from(at))
                .update();
    }

    private static List<Finding> findings(String json) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            findings.add(new Finding(
                    node.get("ruleId").stringValue(), node.get("reason").stringValue()));
        }
        return findings;
    }

    private static List<String> refs(String json) {
        List<String> refs = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            refs.add(node.stringValue());
        }
        return refs;
    }
}
