package dev.couchannel.payment.intent.persistence;

import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.intent.Refund;
import dev.couchannel.payment.intent.RefundFailure;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.Split;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPaymentIntents implements PaymentIntents {

    private static final String COLUMNS = "booking_id, payment_id, guest_id, host_id, session_id, amount, currency, "
            + "payment_method, status, provider_ref, decline_code, decline_reason, host_share, platform_fee, "
            + "host_penalty, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcPaymentIntents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PaymentIntent> find(UUID bookingId) {
        return load("SELECT " + COLUMNS + " FROM payment_intents WHERE booking_id = :id", bookingId);
    }

    @Override
    public Optional<PaymentIntent> lock(UUID bookingId) {
        return load("SELECT " + COLUMNS + " FROM payment_intents WHERE booking_id = :id FOR UPDATE", bookingId);
    }

    @Override
    public Optional<PaymentIntent> lockByProviderRef(String providerRef) {
        Optional<UUID> booking = jdbc.sql("SELECT booking_id FROM payment_intents WHERE provider_ref = :ref")
                .param("ref", providerRef)
                .query(UUID.class)
                .optional();
        return booking.flatMap(this::lock);
    }

    @Override
    public boolean add(PaymentIntent intent) {
        return jdbc.sql("""
                        INSERT INTO payment_intents (booking_id, payment_id, guest_id, host_id, session_id, amount,
                            currency, payment_method, status, created_at, updated_at)
                        VALUES (:booking, :payment, :guest, :host, :session, :amount, :currency, :method, :status,
                            :created, :updated)
                        ON CONFLICT (booking_id) DO NOTHING
                        """)
                        .param("booking", intent.bookingId())
                        .param("payment", intent.paymentId())
                        .param("guest", intent.guestId())
                        .param("host", intent.hostId())
                        .param("session", intent.sessionId())
                        .param("amount", intent.amount().amount())
                        .param("currency", intent.amount().currency().getCurrencyCode())
                        .param("method", intent.paymentMethod())
                        .param("status", intent.status().name())
                        .param("created", Timestamp.from(intent.createdAt()))
                        .param("updated", Timestamp.from(intent.updatedAt()))
                        .update()
                == 1;
    }

    @Override
    public void save(PaymentIntent intent) {
        Optional<Split> captured = intent.captured();
        jdbc.sql("""
                        UPDATE payment_intents SET status = :status, provider_ref = :ref, decline_code = :code,
                            decline_reason = :reason, host_share = :hostShare, platform_fee = :fee,
                            host_penalty = :penalty, updated_at = :updated
                        WHERE booking_id = :booking
                        """)
                .param("booking", intent.bookingId())
                .param("status", intent.status().name())
                .param("ref", intent.providerRef())
                .param("code", intent.declineCode())
                .param("reason", intent.declineReason())
                .param(
                        "hostShare",
                        captured.map(split -> split.hostShare().amount()).orElse(null),
                        Types.NUMERIC)
                .param(
                        "fee",
                        captured.map(split -> split.platformFee().amount()).orElse(null),
                        Types.NUMERIC)
                .param("penalty", intent.hostPenalty().map(Money::amount).orElse(null), Types.NUMERIC)
                .param("updated", Timestamp.from(intent.updatedAt()))
                .update();
        for (Refund refund : intent.refunds()) {
            jdbc.sql("""
                            INSERT INTO payment_refunds (booking_id, refund_key, host_part, fee_part, reason, refunded_at)
                            VALUES (:booking, :key, :host, :fee, :reason, :at)
                            ON CONFLICT (booking_id, refund_key) DO NOTHING
                            """)
                    .param("booking", intent.bookingId())
                    .param("key", refund.key())
                    .param("host", refund.split().hostShare().amount())
                    .param("fee", refund.split().platformFee().amount())
                    .param("reason", refund.reason())
                    .param("at", Timestamp.from(refund.refundedAt()))
                    .update();
        }
        for (RefundFailure failure : intent.refundFailures()) {
            RefundFailure.Resolution resolution = failure.resolution();
            jdbc.sql("""
                            INSERT INTO payment_refund_failures (booking_id, refund_key, amount, reason, code,
                                provider_reason, failed_at, resolved_at, resolution_reference, resolution_note,
                                resolved_by, repaid)
                            VALUES (:booking, :key, :amount, :reason, :code, :providerReason, :at, :resolvedAt,
                                :reference, :note, :resolvedBy, :repaid)
                            ON CONFLICT (booking_id, refund_key) DO UPDATE SET resolved_at = EXCLUDED.resolved_at,
                                resolution_reference = EXCLUDED.resolution_reference,
                                resolution_note = EXCLUDED.resolution_note, resolved_by = EXCLUDED.resolved_by,
                                repaid = EXCLUDED.repaid
                            WHERE payment_refund_failures.resolved_at IS NULL
                            """)
                    .param("booking", intent.bookingId())
                    .param("key", failure.key())
                    .param("amount", failure.requested().amount())
                    .param("reason", failure.reason())
                    .param("code", failure.code())
                    .param("providerReason", failure.providerReason())
                    .param("at", Timestamp.from(failure.failedAt()))
                    .param(
                            "resolvedAt",
                            resolution == null ? null : Timestamp.from(resolution.resolvedAt()),
                            Types.TIMESTAMP)
                    .param("reference", resolution == null ? null : resolution.reference(), Types.VARCHAR)
                    .param("note", resolution == null ? null : resolution.note(), Types.VARCHAR)
                    .param("resolvedBy", resolution == null ? null : resolution.resolvedBy(), Types.VARCHAR)
                    .param(
                            "repaid",
                            resolution == null ? null : resolution.repaid().amount(),
                            Types.NUMERIC)
                    .update();
            if (intent.refundWithKey(failure.key()).isEmpty()) {
                // a refund the provider failed after accepting it is no refund any more (its ledger entry is reversed)
                jdbc.sql("DELETE FROM payment_refunds WHERE booking_id = :booking AND refund_key = :key")
                        .param("booking", intent.bookingId())
                        .param("key", failure.key())
                        .update();
            }
        }
    }

    private Optional<PaymentIntent> load(String sql, UUID bookingId) {
        Optional<BiFunction<List<Refund>, List<RefundFailure>, PaymentIntent>> row = jdbc.sql(sql)
                .param("id", bookingId)
                .query(JdbcPaymentIntents::map)
                .optional();
        return row.map(intent -> intent.apply(refundsOf(bookingId), refundFailuresOf(bookingId)));
    }

    private List<RefundFailure> refundFailuresOf(UUID bookingId) {
        return jdbc.sql("""
                        SELECT f.refund_key, f.amount, f.reason, f.code, f.provider_reason, f.failed_at,
                            f.resolved_at, f.resolution_reference, f.resolution_note, f.resolved_by, f.repaid, i.currency
                        FROM payment_refund_failures f JOIN payment_intents i ON i.booking_id = f.booking_id
                        WHERE f.booking_id = :booking ORDER BY f.failed_at, f.refund_key
                        """)
                .param("booking", bookingId)
                .query((rs, n) -> refundFailure(rs))
                .list();
    }

    /**
     * A row of {@code payment_refund_failures} joined with its intent's {@code currency}; {@link JdbcFailedRefunds}
     * reads the same rows for the admins' list.
     */
    static RefundFailure refundFailure(ResultSet rs) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        RefundFailure.Resolution resolution = resolvedAt == null
                ? null
                : new RefundFailure.Resolution(
                        rs.getString("resolution_reference"),
                        rs.getString("resolution_note"),
                        new Money(rs.getBigDecimal("repaid"), currency(rs)),
                        rs.getString("resolved_by"),
                        resolvedAt.toInstant());
        return new RefundFailure(
                rs.getString("refund_key"),
                new Money(rs.getBigDecimal("amount"), currency(rs)),
                rs.getString("reason"),
                rs.getString("code"),
                rs.getString("provider_reason"),
                rs.getTimestamp("failed_at").toInstant(),
                resolution);
    }

    private List<Refund> refundsOf(UUID bookingId) {
        return jdbc.sql("""
                        SELECT r.refund_key, r.host_part, r.fee_part, r.reason, r.refunded_at, i.currency
                        FROM payment_refunds r JOIN payment_intents i ON i.booking_id = r.booking_id
                        WHERE r.booking_id = :booking ORDER BY r.refunded_at, r.refund_key
                        """)
                .param("booking", bookingId)
                .query((rs, n) -> new Refund(
                        rs.getString("refund_key"),
                        new Split(
                                new Money(rs.getBigDecimal("host_part"), currency(rs)),
                                new Money(rs.getBigDecimal("fee_part"), currency(rs))),
                        rs.getString("reason"),
                        rs.getTimestamp("refunded_at").toInstant()))
                .list();
    }

    /**
     * The intent of the current row, waiting for its refunds and refused refunds (read once the
     * row's result set is closed).
     */
    private static BiFunction<List<Refund>, List<RefundFailure>, PaymentIntent> map(ResultSet rs, int row)
            throws SQLException {
        Currency currency = currency(rs);
        BigDecimal hostShare = rs.getBigDecimal("host_share");
        BigDecimal fee = rs.getBigDecimal("platform_fee");
        UUID bookingId = rs.getObject("booking_id", UUID.class);
        UUID paymentId = rs.getObject("payment_id", UUID.class);
        String guestId = rs.getString("guest_id");
        String hostId = rs.getString("host_id");
        String sessionId = rs.getString("session_id");
        Money amount = new Money(rs.getBigDecimal("amount"), currency);
        String paymentMethod = rs.getString("payment_method");
        PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
        String providerRef = rs.getString("provider_ref");
        String declineCode = rs.getString("decline_code");
        String declineReason = rs.getString("decline_reason");
        Split captured = hostShare == null ? null : new Split(new Money(hostShare, currency), new Money(fee, currency));
        BigDecimal penalty = rs.getBigDecimal("host_penalty");
        Money hostPenalty = penalty == null ? null : new Money(penalty, currency);
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        return (refunds, refundFailures) -> new PaymentIntent(
                bookingId,
                paymentId,
                guestId,
                hostId,
                sessionId,
                amount,
                paymentMethod,
                status,
                providerRef,
                declineCode,
                declineReason,
                captured,
                refunds,
                refundFailures,
                hostPenalty,
                createdAt,
                updatedAt);
    }

    private static Currency currency(ResultSet rs) throws SQLException {
        return Currency.getInstance(rs.getString("currency").trim());
    }
}
