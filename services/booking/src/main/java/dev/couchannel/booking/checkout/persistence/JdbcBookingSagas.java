package dev.couchannel.booking.checkout.persistence;

import dev.couchannel.booking.checkout.BookingSaga;
import dev.couchannel.booking.checkout.BookingSagas;
import dev.couchannel.booking.reservation.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBookingSagas implements BookingSagas {

    private static final String COLUMNS = """
            booking_id, session_id, seats, guest_id, payment_method, quote_id, waitlist_offer_id, state, step, step_started_at, deadline,
            attempts, failure, host_id, amount, currency, pending_compensations, version
            """;

    private final JdbcClient jdbc;

    JdbcBookingSagas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(BookingSaga saga) {
        jdbc.sql("""
                        INSERT INTO booking_sagas (booking_id, session_id, seats, guest_id, payment_method, quote_id,
                            waitlist_offer_id, state, step, step_started_at, deadline, attempts, failure, host_id, amount,
                            currency, pending_compensations, version)
                        VALUES (:booking, :session, :seats, :guest, :method, :quote, :offer, :state, :step, :started,
                            :deadline, :attempts, :failure, :host, :amount, :currency, CAST(:pending AS TEXT[]), 0)
                        """)
                .param("booking", saga.bookingId())
                .param("session", saga.sessionId())
                .param("seats", saga.order().seats())
                .param("guest", saga.order().guestId())
                .param("method", saga.order().paymentMethod())
                .param("quote", saga.order().quoteId())
                .param("offer", saga.order().waitlistOfferId())
                .params(mutable(saga))
                .update();
    }

    @Override
    public Optional<BookingSaga> lock(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_sagas WHERE booking_id = :id FOR UPDATE")
                .param("id", bookingId)
                .query(JdbcBookingSagas::map)
                .optional();
    }

    @Override
    public void save(BookingSaga saga) {
        int updated = jdbc.sql("""
                        UPDATE booking_sagas SET state = :state, step = :step, step_started_at = :started,
                            deadline = :deadline, attempts = :attempts, failure = :failure, host_id = :host,
                            amount = :amount, currency = :currency, pending_compensations = CAST(:pending AS TEXT[]),
                            version = version + 1
                        WHERE booking_id = :booking AND version = :version
                        """)
                .param("booking", saga.bookingId())
                .param("version", saga.version())
                .params(mutable(saga))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("saga " + saga.bookingId() + " changed concurrently");
        }
    }

    @Override
    public List<BookingSaga> lockOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_sagas WHERE state IN ('RUNNING', 'COMPENSATING') "
                        + "AND deadline <= :now ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcBookingSagas::map)
                .list();
    }

    /** The columns that change as the saga runs. */
    private static Map<String, Object> mutable(BookingSaga saga) {
        Map<String, Object> values = new HashMap<>();
        values.put("state", saga.state().name());
        values.put("step", saga.step().name());
        values.put("started", Timestamp.from(saga.stepStartedAt()));
        values.put("deadline", saga.deadline() == null ? null : Timestamp.from(saga.deadline()));
        values.put("attempts", saga.attempts());
        values.put("failure", saga.failure());
        values.put("host", saga.hostId());
        values.put("amount", saga.amount() == null ? null : saga.amount().amount());
        values.put(
                "currency",
                saga.amount() == null ? null : saga.amount().currency().getCurrencyCode());
        values.put("pending", PostgresArrays.ofNames(saga.pending()));
        return values;
    }

    private static BookingSaga map(ResultSet rs, int row) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        String currency = rs.getString("currency");
        return new BookingSaga(
                new BookingSaga.Order(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getInt("seats"),
                        rs.getString("guest_id"),
                        rs.getString("payment_method"),
                        rs.getObject("quote_id", UUID.class),
                        rs.getObject("waitlist_offer_id", UUID.class)),
                BookingSaga.State.valueOf(rs.getString("state")),
                BookingSaga.Step.valueOf(rs.getString("step")),
                rs.getTimestamp("step_started_at").toInstant(),
                deadline == null ? null : deadline.toInstant(),
                rs.getInt("attempts"),
                rs.getString("failure"),
                rs.getString("host_id"),
                currency == null ? null : new Money(rs.getBigDecimal("amount"), Currency.getInstance(currency)),
                compensations(rs.getArray("pending_compensations")),
                rs.getLong("version"));
    }

    private static Set<BookingSaga.Compensation> compensations(Array array) throws SQLException {
        return PostgresArrays.toEnums(array, BookingSaga.Compensation.class);
    }
}
