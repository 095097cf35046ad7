package dev.couchannel.payment.payout.persistence;

import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.payout.BookingBalance;
import dev.couchannel.payment.payout.Payout;
import dev.couchannel.payment.payout.PayoutPlan;
import dev.couchannel.payment.payout.PayoutStatus;
import dev.couchannel.payment.payout.Payouts;
import dev.couchannel.payment.payout.Reconciliation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payouts in PostgreSQL; a booking's balance is computed from the intents, refunds and payout items. */
@Repository
class JdbcPayouts implements Payouts {

    /** Per captured booking: net host amount, what payouts (of any state) already settle, the kickoff. */
    private static final String BALANCES = """
            SELECT i.booking_id, i.host_id, i.session_id, i.currency,
                   i.host_share
                       - COALESCE((SELECT sum(r.host_part) FROM payment_refunds r WHERE r.booking_id = i.booking_id), 0)
                       - COALESCE(i.host_penalty, 0) AS net,
                   COALESCE((SELECT sum(p.amount) FROM payout_items p WHERE p.booking_id = i.booking_id), 0) AS settled,
                   s.kickoff
            FROM payment_intents i LEFT JOIN session_facts s ON s.session_id = i.session_id
            WHERE i.host_share IS NOT NULL
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPayouts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<String> hostsWithUnsettledBookings() {
        return jdbc.sql("SELECT DISTINCT host_id FROM (" + BALANCES + ") b WHERE b.net <> b.settled ORDER BY host_id")
                .query(String.class)
                .list();
    }

    @Override
    public void lockHost(String hostId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('payout:' || :host, 0))")
                .param("host", hostId)
                .query((rs, n) -> 1)
                .single();
    }

    @Override
    public List<BookingBalance> balancesOf(String hostId) {
        return jdbc.sql(BALANCES + " AND i.host_id = :host ORDER BY i.booking_id")
                .param("host", hostId)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    Timestamp kickoff = rs.getTimestamp("kickoff");
                    return new BookingBalance(
                            rs.getObject("booking_id", UUID.class),
                            rs.getString("host_id"),
                            rs.getString("session_id"),
                            new Money(rs.getBigDecimal("net"), currency),
                            new Money(rs.getBigDecimal("settled"), currency),
                            kickoff == null ? null : kickoff.toInstant());
                })
                .list();
    }

    @Override
    public boolean hasUnpaid(String hostId, String currency) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM payouts WHERE host_id = :host AND currency = :currency "
                        + "AND status <> 'PAID')")
                .param("host", hostId)
                .param("currency", currency)
                .query(Boolean.class)
                .single();
    }

    @Override
    public void add(Payout payout, List<PayoutPlan.Item> items) {
        jdbc.sql("""
                        INSERT INTO payouts (id, host_id, amount, currency, status, key_generation, destination, attempts,
                            next_attempt_at, created_at)
                        VALUES (:id, :host, :amount, :currency, :status, :generation, :destination, :attempts,
                            :next, :created)
                        """)
                .param("id", payout.id())
                .param("host", payout.hostId())
                .param("amount", payout.amount().amount())
                .param("currency", payout.amount().currency().getCurrencyCode())
                .param("status", payout.status().name())
                .param("generation", payout.keyGeneration())
                .param("destination", payout.destination())
                .param("attempts", payout.attempts())
                .param("next", Timestamp.from(payout.nextAttemptAt()))
                .param("created", Timestamp.from(payout.createdAt()))
                .update();
        for (PayoutPlan.Item item : items) {
            jdbc.sql("INSERT INTO payout_items (payout_id, booking_id, amount) VALUES (:payout, :booking, :amount)")
                    .param("payout", payout.id())
                    .param("booking", item.bookingId())
                    .param("amount", item.amount().amount())
                    .update();
        }
    }

    @Override
    public List<Payout> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE payouts SET locked_until = :until
                        WHERE id IN (SELECT id FROM payouts
                                     WHERE status <> 'PAID' AND next_attempt_at <= :now
                                       AND (locked_until IS NULL OR locked_until < :now)
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcPayouts::payout)
                .list();
    }

    @Override
    public Optional<Payout> lock(UUID payoutId) {
        return jdbc.sql("SELECT * FROM payouts WHERE id = :id FOR UPDATE")
                .param("id", payoutId)
                .query(JdbcPayouts::payout)
                .optional();
    }

    @Override
    public void save(Payout payout) {
        update(payout, false);
    }

    @Override
    public void recordAttempt(Payout payout) {
        update(payout, true);
    }

    private void update(Payout payout, boolean endLease) {
        jdbc.sql("""
                        UPDATE payouts SET status = :status, key_generation = :generation, destination = :destination,
                            attempts = :attempts, next_attempt_at = :next, failure_code = :code, failure_reason = :reason,
                            provider_ref = :ref, paid_at = :paid,
                            locked_until = CASE WHEN :endLease THEN NULL ELSE locked_until END
                        WHERE id = :id""")
                .param("endLease", endLease)
                .param("id", payout.id())
                .param("status", payout.status().name())
                .param("generation", payout.keyGeneration())
                .param("destination", payout.destination())
                .param("attempts", payout.attempts())
                .param("next", Timestamp.from(payout.nextAttemptAt()))
                .param("code", payout.failureCode())
                .param("reason", payout.failureReason())
                .param("ref", payout.providerRef())
                .param("paid", timestamp(payout.paidAt()))
                .update();
    }

    @Override
    public List<UUID> bookingsOf(UUID payoutId) {
        return jdbc.sql("SELECT booking_id FROM payout_items WHERE payout_id = :id ORDER BY booking_id")
                .param("id", payoutId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Override
    public List<Reconciliation.Expected> expectedPayables() {
        return jdbc.sql("""
                        WITH intents AS (
                            SELECT i.host_id, i.currency,
                                   sum(i.host_share) AS captured,
                                   sum(COALESCE((SELECT sum(r.host_part) FROM payment_refunds r
                                                 WHERE r.booking_id = i.booking_id), 0)) AS refunded,
                                   sum(COALESCE(i.host_penalty, 0)) AS penalties
                            FROM payment_intents i WHERE i.host_share IS NOT NULL
                            GROUP BY i.host_id, i.currency),
                        paid AS (
                            SELECT host_id, currency, sum(amount) AS paid_out FROM payouts WHERE status = 'PAID'
                            GROUP BY host_id, currency)
                        SELECT COALESCE(i.host_id, p.host_id) AS host_id, COALESCE(i.currency, p.currency) AS currency,
                               COALESCE(i.captured, 0) AS captured, COALESCE(i.refunded, 0) AS refunded,
                               COALESCE(i.penalties, 0) AS penalties, COALESCE(p.paid_out, 0) AS paid_out
                        FROM intents i FULL JOIN paid p ON p.host_id = i.host_id AND p.currency = i.currency
                        ORDER BY 1, 2""")
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new Reconciliation.Expected(
                            rs.getString("host_id"),
                            new Money(rs.getBigDecimal("captured"), currency),
                            new Money(rs.getBigDecimal("refunded"), currency),
                            new Money(rs.getBigDecimal("penalties"), currency),
                            new Money(rs.getBigDecimal("paid_out"), currency));
                })
                .list();
    }

    @Override
    public List<Payout> ofHost(String hostId, int limit) {
        return jdbc.sql("SELECT * FROM payouts WHERE host_id = :host ORDER BY created_at DESC, id LIMIT :limit")
                .param("host", hostId)
                .param("limit", limit)
                .query(JdbcPayouts::payout)
                .list();
    }

    private static Payout payout(ResultSet rs, int row) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new Payout(
                rs.getObject("id", UUID.class),
                rs.getString("host_id"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                PayoutStatus.valueOf(rs.getString("status")),
                rs.getInt("key_generation"),
                rs.getString("destination"),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("failure_code"),
                rs.getString("failure_reason"),
                rs.getString("provider_ref"),
                rs.getTimestamp("created_at").toInstant(),
                paid == null ? null : paid.toInstant());
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
