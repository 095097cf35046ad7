package dev.couchannel.hosting.host.persistence;

import dev.couchannel.hosting.host.HostProfile;
import dev.couchannel.hosting.host.HostProfiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHostProfiles implements HostProfiles {

    private static final String COLUMNS = "id, owner_id, display_name, bio, languages, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcHostProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HostProfile> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM host_profiles WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    @Override
    public Optional<HostProfile> ofOwner(String ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM host_profiles WHERE owner_id = :owner")
                .param("owner", ownerId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    @Override
    public Saved save(String ownerId, HostProfile.About about, Instant now) {
        // one statement: two first writes of the same host racing end as one profile, not a duplicate-key error
        return jdbc.sql("""
                        INSERT INTO host_profiles (id, owner_id, display_name, bio, languages, created_at, updated_at)
                        VALUES (:id, :owner, :name, :bio, :languages, :now, :now)
                        ON CONFLICT (owner_id) DO UPDATE SET display_name = EXCLUDED.display_name,
                            bio = EXCLUDED.bio, languages = EXCLUDED.languages, updated_at = EXCLUDED.updated_at
                        RETURNING\s""" + COLUMNS + ", (xmax = 0) AS created")
                .param("id", UUID.randomUUID())
                .param("owner", ownerId)
                .param("name", about.displayName())
                .param("bio", about.bio())
                .param("languages", String.join(",", about.languages()))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Saved(map(rs), rs.getBoolean("created")))
                .single();
    }

    private static HostProfile map(ResultSet rs) throws SQLException {
        String languages = rs.getString("languages");
        return new HostProfile(
                rs.getObject("id", UUID.class),
                rs.getString("owner_id"),
                rs.getString("display_name"),
                rs.getString("bio"),
                languages.isEmpty() ? List.of() : Arrays.asList(languages.split(",")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
