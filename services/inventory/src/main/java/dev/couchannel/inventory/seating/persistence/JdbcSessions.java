package dev.couchannel.inventory.seating.persistence;

import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSessions implements Sessions {

    private static final String COLUMNS = """
            id, fixture_id, venue_id, host_id, status, capacity, seats_free, seats_held, seats_sold,
            price_amount, price_currency, refund_policy, description, version
            """;
    private static final String FILTER = """
            WHERE (CAST(:fixture AS UUID) IS NULL OR fixture_id = CAST(:fixture AS UUID))
              AND (CAST(:venue AS UUID) IS NULL OR venue_id = CAST(:venue AS UUID))
              AND (CAST(:status AS TEXT) IS NULL OR status = CAST(:status AS TEXT))
              AND (status <> 'DRAFT' OR host_id = CAST(:viewer AS TEXT))
            """;

    private final JdbcClient jdbc;

    JdbcSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ViewingSession> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM viewing_sessions WHERE id = :id")
                .param("id", id)
                .query(JdbcSessions::map)
                .optional();
    }

    @Override
    public Optional<ViewingSession> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM viewing_sessions WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(JdbcSessions::map)
                .optional();
    }

    @Override
    public void add(ViewingSession session) {
        jdbc.sql("""
                        INSERT INTO viewing_sessions (id, fixture_id, venue_id, host_id, status, capacity, seats_free,
                            seats_held, seats_sold, price_amount, price_currency, refund_policy, description, version)
                        VALUES (:id, :fixture, :venue, :host, :status, :capacity, :free, :held, :sold, :amount,
                            :currency, :policy, :description, 0)
                        """)
                .param("id", session.id())
                .param("fixture", session.fixtureId())
                .param("venue", session.venueId())
                .param("host", session.hostId())
                .param("status", session.status().name())
                .param("capacity", session.seats().capacity())
                .param("free", session.seats().free())
                .param("held", session.seats().held())
                .param("sold", session.seats().sold())
                .param("amount", session.pricePerSeat().amount())
                .param("currency", session.pricePerSeat().currency().getCurrencyCode())
                .param("policy", session.refundPolicy().name())
                .param("description", session.description())
                .update();
    }

    @Override
    public void save(ViewingSession session) {
        int updated = jdbc.sql("""
                        UPDATE viewing_sessions SET status = :status, seats_free = :free, seats_held = :held,
                            seats_sold = :sold, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .param("id", session.id())
                .param("status", session.status().name())
                .param("free", session.seats().free())
                .param("held", session.seats().held())
                .param("sold", session.seats().sold())
                .param("version", session.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("session " + session.id() + " changed concurrently");
        }
    }

    @Override
    public List<ViewingSession> list(Query query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM viewing_sessions " + FILTER
                        + " ORDER BY id LIMIT :size OFFSET :offset")
                .param("fixture", query.fixtureId())
                .param("venue", query.venueId())
                .param("status", query.status() == null ? null : query.status().name())
                .param("viewer", query.viewer())
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(JdbcSessions::map)
                .list();
    }

    @Override
    public long count(Query query) {
        return jdbc.sql("SELECT count(*) FROM viewing_sessions " + FILTER)
                .param("fixture", query.fixtureId())
                .param("venue", query.venueId())
                .param("status", query.status() == null ? null : query.status().name())
                .param("viewer", query.viewer())
                .query(Long.class)
                .single();
    }

    @Override
    public List<ViewingSession> ofHost(String hostId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "s.$1")
                        + " FROM viewing_sessions s JOIN fixtures f ON f.id = s.fixture_id"
                        + " WHERE s.host_id = :host ORDER BY f.kickoff DESC, s.id LIMIT :limit")
                .param("host", hostId)
                .param("limit", limit)
                .query(JdbcSessions::map)
                .list();
    }

    @Override
    public List<UUID> idsOfFixture(UUID fixtureId) {
        return jdbc.sql("SELECT id FROM viewing_sessions WHERE fixture_id = :fixture ORDER BY id")
                .param("fixture", fixtureId)
                .query(UUID.class)
                .list();
    }

    private static ViewingSession map(ResultSet rs, int row) throws SQLException {
        return new ViewingSession(
                rs.getObject("id", UUID.class),
                rs.getObject("fixture_id", UUID.class),
                rs.getObject("venue_id", UUID.class),
                rs.getString("host_id"),
                SessionStatus.valueOf(rs.getString("status")),
                new Seats(
                        rs.getInt("capacity"),
                        rs.getInt("seats_free"),
                        rs.getInt("seats_held"),
                        rs.getInt("seats_sold")),
                new Money(rs.getBigDecimal("price_amount"), Currency.getInstance(rs.getString("price_currency"))),
                RefundPolicy.valueOf(rs.getString("refund_policy")),
                rs.getString("description"),
                rs.getLong("version"));
    }
}
