package dev.couchannel.identity.users.persistence;

import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUsers implements Users {

    private static final String COLUMNS = "id, email, password_hash, roles, email_verified, failed_attempts,"
            + " last_failed_at, locked_until, created_at";

    private final JdbcTemplate jdbc;

    JdbcUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> byEmail(String email) {
        return jdbc.query("select " + COLUMNS + " from users where email = ?", JdbcUsers::user, email).stream()
                .findFirst();
    }

    @Override
    public Optional<User> byId(UUID id) {
        return jdbc.query("select " + COLUMNS + " from users where id = ?", JdbcUsers::user, id).stream()
                .findFirst();
    }

    @Override
    public Optional<User> lockById(UUID id) {
        return jdbc.query("select " + COLUMNS + " from users where id = ? for update", JdbcUsers::user, id).stream()
                .findFirst();
    }

    @Override
    public boolean add(User user) {
        try {
            return jdbc.update(
                            "insert into users (" + COLUMNS + ") values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?)"
                                    + " on conflict (email) do nothing",
                            user.id(),
                            user.email(),
                            user.passwordHash(),
                            roles(user.roles()),
                            user.emailVerified(),
                            user.failedAttempts(),
                            timestamp(user.lastFailedAt()),
                            timestamp(user.lockedUntil()),
                            timestamp(user.createdAt()))
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void save(User user) {
        jdbc.update(
                "update users set password_hash = ?, roles = ?::text[], email_verified = ?, failed_attempts = ?,"
                        + " last_failed_at = ?, locked_until = ? where id = ?",
                user.passwordHash(),
                roles(user.roles()),
                user.emailVerified(),
                user.failedAttempts(),
                timestamp(user.lastFailedAt()),
                timestamp(user.lockedUntil()),
                user.id());
    }

    @Override
    public List<User> find(String text, int limit) {
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.query(
                "select " + COLUMNS + " from users where lower(email) like ? order by created_at desc, email limit ?",
                JdbcUsers::user,
                pattern,
                limit);
    }

    private static String roles(Set<Role> roles) {
        return "{"
                + String.join(",", roles.stream().sorted().map(Role::wireName).toList()) + "}";
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray())
                .map(Role::fromWireName)
                .flatMap(Optional::stream)
                .forEach(roles::add);
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                roles,
                rs.getBoolean("email_verified"),
                rs.getInt("failed_attempts"),
                instant(rs, "last_failed_at"),
                instant(rs, "locked_until"),
                rs.getTimestamp("created_at").toInstant());
    }
}
