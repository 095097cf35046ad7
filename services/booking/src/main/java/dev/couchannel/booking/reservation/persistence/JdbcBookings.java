package dev.couchannel.booking.reservation.persistence;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Cancellation;
import dev.couchannel.booking.reservation.CancelledBy;
import dev.couchannel.booking.reservation.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBookings implements Bookings {

    private static final String COLUMNS =
            "id, guest_id, session_id, seats, payment_method, quote_id, waitlist_offer_id, status, reason, total_amount,"
                    + " total_currency, refund_amount, cancelled_by, host_penalty_amount, refund_settled_at,"
                    + " refund_failed_at, created_at, updated_at, version";

    private final JdbcClient jdbc;

    JdbcBookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Booking booking) {
        jdbc.sql("""
                        INSERT INTO bookings (id, guest_id, session_id, seats, payment_method, quote_id, waitlist_offer_id,
                            status, reason, created_at, updated_at, version)
                        VALUES (:id, :guest, :session, :seats, :method, :quote, :offer, :status, :reason, :created,
                            :updated, 0)
                        """)
                .param("id", booking.id())
                .param("guest", booking.guestId())
                .param("session", booking.sessionId())
                .param("seats", booking.seats())
                .param("method", booking.paymentMethod())
                .param("quote", booking.quoteId())
                .param("offer", booking.waitlistOfferId())
                .param("status", booking.status().name())
                .param("reason", booking.reason())
                .param("created", Timestamp.from(booking.createdAt()))
                .param("updated", Timestamp.from(booking.updatedAt()))
                .update();
    }

    @Override
    public Optional<Booking> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE id = :id")
                .param("id", id)
                .query(JdbcBookings::map)
                .optional();
    }

    @Override
    public Optional<Booking> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(JdbcBookings::map)
                .optional();
    }

    @Override
    public void save(Booking booking) {
        int updated = jdbc.sql("""
                        UPDATE bookings SET status = :status, reason = :reason, total_amount = :total,
                            total_currency = :currency, refund_amount = :refund, cancelled_by = :cancelledBy,
                            host_penalty_amount = :penalty, refund_settled_at = :settled, refund_failed_at = :failed,
                            updated_at = :updated, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .param("id", booking.id())
                .param("status", booking.status().name())
                .param("reason", booking.reason())
                .param("total", booking.total() == null ? null : booking.total().amount())
                .param(
                        "currency",
                        booking.total() == null
                                ? null
                                : booking.total().currency().getCurrencyCode())
                .param(
                        "refund",
                        booking.cancellation().map(c -> c.refund().amount()).orElse(null))
                .param(
                        "cancelledBy",
                        booking.cancellation().map(c -> c.by().name()).orElse(null))
                .param(
                        "penalty",
                        booking.cancellation()
                                .map(c -> c.hostPenalty().amount())
                                .orElse(null))
                .param("settled", booking.refundSettledAt() == null ? null : Timestamp.from(booking.refundSettledAt()))
                .param("failed", booking.refundFailedAt() == null ? null : Timestamp.from(booking.refundFailedAt()))
                .param("updated", Timestamp.from(booking.updatedAt()))
                .param("version", booking.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("booking " + booking.id() + " changed concurrently");
        }
    }

    @Override
    public List<Booking> ofGuest(String guestId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM bookings WHERE guest_id = :guest ORDER BY created_at DESC LIMIT :limit")
                .param("guest", guestId)
                .param("limit", limit)
                .query(JdbcBookings::map)
                .list();
    }

    @Override
    public int lockSeatsOfGuest(String guestId, UUID sessionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", "seat-cap\n" + guestId + "\n" + sessionId)
                .query(Object.class)
                .single();
        return jdbc.sql("""
                        SELECT COALESCE(SUM(seats), 0) FROM bookings
                        WHERE guest_id = :guest AND session_id = :session AND status IN ('PENDING', 'CONFIRMED')
                        """)
                .param("guest", guestId)
                .param("session", sessionId)
                .query(Integer.class)
                .single();
    }

    @Override
    public List<Booking> ofSession(UUID sessionId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM bookings WHERE session_id = :session ORDER BY created_at, id LIMIT :limit")
                .param("session", sessionId)
                .param("limit", limit)
                .query(JdbcBookings::map)
                .list();
    }

    @Override
    public List<Booking> lockOfSession(UUID sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE session_id = :session ORDER BY id FOR UPDATE")
                .param("session", sessionId)
                .query(JdbcBookings::map)
                .list();
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("total_currency");
        Timestamp settled = rs.getTimestamp("refund_settled_at");
        Timestamp failed = rs.getTimestamp("refund_failed_at");
        return new Booking(
                rs.getObject("id", UUID.class),
                rs.getString("guest_id"),
                rs.getObject("session_id", UUID.class),
                rs.getInt("seats"),
                rs.getString("payment_method"),
                rs.getObject("quote_id", UUID.class),
                rs.getObject("waitlist_offer_id", UUID.class),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                currency == null ? null : new Money(rs.getBigDecimal("total_amount"), Currency.getInstance(currency)),
                rs.getString("cancelled_by") == null
                        ? null
                        : new Cancellation(
                                CancelledBy.valueOf(rs.getString("cancelled_by")),
                                new Money(rs.getBigDecimal("refund_amount"), Currency.getInstance(currency)),
                                new Money(rs.getBigDecimal("host_penalty_amount"), Currency.getInstance(currency)),
                                rs.getString("reason")),
                settled == null ? null : settled.toInstant(),
                failed == null ? null : failed.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
