package dev.couchannel.inventory.catalog.persistence;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFixtures implements Fixtures {

    private final JdbcClient jdbc;

    JdbcFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Fixture fixture) {
        jdbc.sql("""
                        INSERT INTO fixtures (id, competition, home_team, away_team, kickoff, territory, broadcaster)
                        VALUES (:id, :competition, :home, :away, :kickoff, :territory, :broadcaster)
                        """)
                .param("id", fixture.id())
                .param("competition", fixture.competition())
                .param("home", fixture.homeTeam())
                .param("away", fixture.awayTeam())
                .param("kickoff", Timestamp.from(fixture.kickoff()))
                .param("territory", fixture.territory())
                .param("broadcaster", fixture.broadcaster())
                .update();
    }

    @Override
    public boolean addIfAbsent(Fixture fixture) {
        return jdbc.sql("""
                        INSERT INTO fixtures (id, competition, home_team, away_team, kickoff, territory, broadcaster)
                        VALUES (:id, :competition, :home, :away, :kickoff, :territory, :broadcaster)
                        ON CONFLICT (id) DO NOTHING
                        """)
                        .param("id", fixture.id())
                        .param("competition", fixture.competition())
                        .param("home", fixture.homeTeam())
                        .param("away", fixture.awayTeam())
                        .param("kickoff", Timestamp.from(fixture.kickoff()))
                        .param("territory", fixture.territory())
                        .param("broadcaster", fixture.broadcaster())
                        .update()
                == 1;
    }

    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM fixtures)")
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<Fixture> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fixtures WHERE id = :id")
                .param("id", id)
                .query(JdbcFixtures::map)
                .optional();
    }

    @Override
    public List<Fixture> find(@Nullable String competition, @Nullable Instant from, @Nullable Instant to, int limit) {
        return jdbc.sql("""
                        SELECT id, competition, home_team, away_team, kickoff, territory, broadcaster FROM fixtures
                        WHERE (CAST(:competition AS TEXT) IS NULL OR lower(competition) = lower(CAST(:competition AS TEXT)))
                          AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR kickoff >= CAST(:from AS TIMESTAMPTZ))
                          AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR kickoff <= CAST(:to AS TIMESTAMPTZ))
                        ORDER BY kickoff, id LIMIT :limit
                        """)
                .param("competition", competition)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("limit", limit)
                .query(JdbcFixtures::map)
                .list();
    }

    @Override
    public boolean postpone(UUID fixtureId, String reason, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO fixture_postponements (fixture_id, reason, postponed_by, postponed_at)
                        VALUES (:fixture, :reason, :by, :at) ON CONFLICT (fixture_id) DO NOTHING
                        """)
                        .param("fixture", fixtureId)
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    @Override
    public boolean isPostponed(UUID fixtureId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM fixture_postponements WHERE fixture_id = :fixture)")
                .param("fixture", fixtureId)
                .query(Boolean.class)
                .single();
    }

    private static Fixture map(ResultSet rs, int row) throws SQLException {
        return new Fixture(
                rs.getObject("id", UUID.class),
                rs.getString("competition"),
                rs.getString("home_team"),
                rs.getString("away_team"),
                rs.getTimestamp("kickoff").toInstant(),
                rs.getString("territory"),
                rs.getString("broadcaster"));
    }

    private static final String COLUMNS = "id, competition, home_team, away_team, kickoff, territory, broadcaster";
}
