package dev.couchannel.identity.audit.persistence;

import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAuditLog implements AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcAuditLog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(AuditEvent event) {
        jdbc.update(
                "insert into audit_events (id, at, type, actor, subject, details) values (?, ?, ?, ?, ?, ?::jsonb)",
                event.id(),
                Timestamp.from(event.at()),
                event.type().name(),
                event.actor(),
                event.subject(),
                json.writeValueAsString(event.details()));
    }

    @Override
    public List<AuditEvent> recent(Optional<AuditEvent.Type> type, Optional<String> subject, int limit) {
        StringBuilder sql =
                new StringBuilder("select id, at, type, actor, subject, details from audit_events where true");
        List<Object> args = new ArrayList<>();
        type.ifPresent(t -> {
            sql.append(" and type = ?");
            args.add(t.name());
        });
        subject.ifPresent(s -> {
            sql.append(" and subject = ?");
            args.add(s);
        });
        sql.append(" order by at desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::event, args.toArray());
    }

    private AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("at").toInstant(),
                AuditEvent.Type.valueOf(rs.getString("type")),
                rs.getString("actor"),
                rs.getString("subject"),
                json.readValue(rs.getString("details"), DETAILS));
    }
}
