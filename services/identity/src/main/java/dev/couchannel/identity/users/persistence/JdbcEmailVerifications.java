package dev.couchannel.identity.users.persistence;

import dev.couchannel.identity.users.EmailVerifications;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEmailVerifications implements EmailVerifications {

    private final JdbcTemplate jdbc;

    JdbcEmailVerifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String tokenHash, UUID userId, Instant expiresAt) {
        jdbc.update(
                "insert into email_verifications (token_hash, user_id, expires_at) values (?, ?, ?)",
                tokenHash,
                userId,
                Timestamp.from(expiresAt));
    }

    @Override
    public Optional<UUID> consume(String tokenHash, Instant now) {
        // one statement, so two clicks on the same link cannot both succeed
        return jdbc
                .query(
                        "update email_verifications set used_at = ? where token_hash = ? and used_at is null"
                                + " and expires_at > ? returning user_id",
                        (rs, row) -> rs.getObject("user_id", UUID.class),
                        Timestamp.from(now),
                        tokenHash,
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }
}
