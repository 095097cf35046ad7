package dev.couchannel.identity.keys.persistence;

import dev.couchannel.identity.keys.KeyState;
import dev.couchannel.identity.keys.SigningKey;
import dev.couchannel.identity.keys.SigningKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcSigningKeys implements SigningKeys {

    private final JdbcTemplate jdbc;

    JdbcSigningKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SigningKey> published() {
        return jdbc.query(
                "select kid, private_pem, public_pem, state, created_at, demoted_at, retired_at from signing_keys"
                        + " where state in ('ACTIVE', 'PREVIOUS') order by state = 'ACTIVE' desc, created_at desc",
                JdbcSigningKeys::key);
    }

    @Override
    @Transactional
    public void rotate(SigningKey newActive, List<SigningKey> demoted) {
        for (SigningKey key : demoted) {
            jdbc.update(
                    "update signing_keys set state = ?, demoted_at = ? where kid = ?",
                    key.state().name(),
                    timestamp(key.demotedAt()),
                    key.kid());
        }
        jdbc.update(
                "insert into signing_keys (kid, private_pem, public_pem, state, created_at) values (?, ?, ?, ?, ?)",
                newActive.kid(),
                newActive.privatePem(),
                newActive.publicPem(),
                newActive.state().name(),
                timestamp(newActive.createdAt()));
    }

    @Override
    public void retire(SigningKey key) {
        jdbc.update(
                "update signing_keys set state = 'RETIRED', retired_at = ? where kid = ? and state = 'PREVIOUS'",
                timestamp(key.retiredAt()),
                key.kid());
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static SigningKey key(ResultSet rs, int row) throws SQLException {
        return new SigningKey(
                rs.getString("kid"),
                rs.getString("private_pem"),
                rs.getString("public_pem"),
                KeyState.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "demoted_at"),
                instant(rs, "retired_at"));
    }
}
