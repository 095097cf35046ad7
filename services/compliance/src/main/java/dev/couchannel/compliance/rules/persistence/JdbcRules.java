package dev.couchannel.compliance.rules.persistence;

import dev.couchannel.compliance.rules.Licence;
import dev.couchannel.compliance.rules.Rule;
import dev.couchannel.compliance.rules.RuleKind;
import dev.couchannel.compliance.rules.RuleParameters;
import dev.couchannel.compliance.rules.RuleScope;
import dev.couchannel.compliance.rules.Rules;
import dev.couchannel.compliance.rules.VenueType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcRules implements Rules {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, version, enabled, kind, territory, competition, venue_type, licence, parameters::text AS parameters, reason";

    private final JdbcClient jdbc;

    JdbcRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Rule> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rules ORDER BY id, version")
                .query(JdbcRules::rule)
                .list();
    }

    @Override
    public boolean add(Rule rule) {
        return jdbc.sql("""
                        INSERT INTO rules (id, version, enabled, kind, territory, competition, venue_type, licence, parameters, reason)
                        VALUES (:id, :version, :enabled, :kind, :territory, :competition, :venueType, :licence, :parameters::jsonb, :reason)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("id", rule.id())
                        .param("version", rule.version())
                        .param("enabled", rule.enabled())
                        .param("kind", rule.kind().name())
                        .param("territory", rule.scope().territory())
                        .param("competition", rule.scope().competition())
                        .param("venueType", name(rule.scope().venueType()))
                        .param("licence", name(rule.scope().licence()))
                        .param(
                                "parameters",
                                JSON.writeValueAsString(rule.parameters().values()))
                        .param("reason", rule.reason())
                        .update()
                == 1;
    }

    @Override
    public Optional<Rule> disable(String id) {
        return jdbc.sql("""
                        UPDATE rules SET enabled = FALSE
                        WHERE id = :id AND version = (SELECT max(version) FROM rules WHERE id = :id)
                        RETURNING\s""" + COLUMNS).param("id", id).query(JdbcRules::rule).optional();
    }

    private static Rule rule(ResultSet row, int n) throws SQLException {
        String venueType = row.getString("venue_type");
        String licence = row.getString("licence");
        return new Rule(
                row.getString("id"),
                row.getInt("version"),
                row.getBoolean("enabled"),
                RuleKind.valueOf(row.getString("kind")),
                new RuleScope(
                        row.getString("territory"),
                        row.getString("competition"),
                        venueType == null ? null : VenueType.valueOf(venueType),
                        licence == null ? null : Licence.valueOf(licence)),
                new RuleParameters(parameters(row.getString("parameters"))),
                row.getString("reason"));
    }

    /** Parameters are a JSON object; numbers and flags are read as their text. */
    private static Map<String, String> parameters(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode object = JSON.readTree(json);
        object.properties()
                .forEach(entry -> values.put(
                        entry.getKey(),
                        entry.getValue().isString()
                                ? entry.getValue().stringValue()
                                : entry.getValue().toString()));
        return values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
