package dev.couchannel.payment.intent.sandbox;

import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.ledger.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox payment provider: a stand-in for a card gateway that behaves like one, for local
 * runs, demos and tests. It is the default adapter ({@code couchannel.payment.provider=sandbox}).
 *
 * <p>The payment method token decides what happens, like the test cards of real gateways:
 *
 * <table>
 *   <caption>Sandbox payment methods</caption>
 *   <tr><th>token</th><th>authorization</th></tr>
 *   <tr><td>{@code pm_card_visa}</td><td>approved</td></tr>
 *   <tr><td>{@code pm_card_declined}</td><td>declined, {@code card_declined}: "Your card was declined."</td></tr>
 *   <tr><td>{@code pm_card_insufficient_funds}</td>
 *       <td>declined, {@code insufficient_funds}: "Your card has insufficient funds."</td></tr>
 *   <tr><td>{@code pm_card_slow}</td>
 *       <td>approved after {@code couchannel.payment.sandbox.slow-delay} (10 s by default)</td></tr>
 *   <tr><td>{@code pm_card_error}</td><td>fails like an HTTP 500, every time (a transient error)</td></tr>
 *   <tr><td>{@code pm_card_refund_declined}</td>
 *       <td>approved and captured like {@code pm_card_visa}, but every refund of it is declined for good,
 *       {@code refund_declined}: "The card this booking was paid with can no longer receive refunds."
 *       (like Stripe refusing a refund to a closed card or a disputed charge)</td></tr>
 *   <tr><td>anything else</td><td>declined, {@code invalid_payment_method}</td></tr>
 * </table>
 *
 * <p>Charges and refunds are kept in the {@code sandbox_charges} and {@code sandbox_refunds} tables
 * of the payment database, so the sandbox is idempotent across restarts: an authorization or a
 * refund repeated with the same idempotency key returns the first answer and never charges or
 * refunds twice (a key reused for a different amount or method is refused, as real gateways do).
 * Captures and voids are idempotent by the charge's state. Errors ({@code pm_card_error}) record
 * nothing, so a retry with the same key gets the same error again.
 *
 * <p>Payouts to hosts ({@link #payout}) go to any destination and are kept in
 * {@code sandbox_transfers}, once per idempotency key, except the test destinations
 * {@link #DECLINED_ACCOUNT} (refused: {@code account_closed}) and {@link #ERROR_ACCOUNT} (fails like an
 * HTTP 500, every time).
 */
public class SandboxPaymentProvider implements PaymentProvider {

    /** The test payment methods. */
    public static final String VISA = "pm_card_visa";

    public static final String DECLINED = "pm_card_declined";
    public static final String INSUFFICIENT_FUNDS = "pm_card_insufficient_funds";
    public static final String SLOW = "pm_card_slow";
    public static final String ERROR = "pm_card_error";

    /** Authorized and captured like {@link #VISA}; every refund of it is refused ({@code refund_declined}). */
    public static final String REFUND_DECLINED = "pm_card_refund_declined";

    /** What a refund of a {@link #REFUND_DECLINED} charge answers. */
    public static final String REFUND_DECLINED_REASON =
            "The card this booking was paid with can no longer receive refunds.";

    /** A payout account that refuses every transfer ({@code account_closed}). */
    public static final String DECLINED_ACCOUNT = "acct_declined";

    /** A payout account whose transfers fail like an HTTP 500, every time (a transient error). */
    public static final String ERROR_ACCOUNT = "acct_error";

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration slowDelay;

    public SandboxPaymentProvider(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Duration slowDelay) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.slowDelay = slowDelay;
    }

    @Override
    public ProviderResult authorize(String idempotencyKey, Money amount, String paymentMethod) {
        Optional<Charge> earlier = chargeWithKey(idempotencyKey);
        if (earlier.isPresent()) {
            return answerRepeated(earlier.get(), amount, paymentMethod);
        }
        ProviderResult answer =
                switch (paymentMethod) {
                    case VISA, REFUND_DECLINED -> new ProviderResult.Approved(newId("ch"));
                    case SLOW -> {
                        pause(slowDelay);
                        yield new ProviderResult.Approved(newId("ch"));
                    }
                    case DECLINED -> new ProviderResult.Declined("card_declined", "Your card was declined.");
                    case INSUFFICIENT_FUNDS ->
                        new ProviderResult.Declined("insufficient_funds", "Your card has insufficient funds.");
                    case ERROR -> new ProviderResult.ProviderError("sandbox: HTTP 500 Internal Server Error");
                    default ->
                        new ProviderResult.Declined(
                                "invalid_payment_method",
                                "This payment method is not recognised; please use another card.");
                };
        if (answer instanceof ProviderResult.ProviderError) {
            return answer;
        }
        record(idempotencyKey, amount, paymentMethod, answer);
        // a concurrent call with the same key may have won the insert: answer what was stored
        return answerRepeated(chargeWithKey(idempotencyKey).orElseThrow(), amount, paymentMethod);
    }

    @Override
    public ProviderResult capture(String idempotencyKey, String providerRef, Money amount) {
        return transactions.execute(status -> {
            Optional<Charge> found = lockCharge(providerRef);
            if (found.isEmpty()) {
                return noSuchCharge(providerRef);
            }
            Charge charge = found.get();
            return switch (charge.status()) {
                case "AUTHORIZED" -> {
                    if (amount.amount().compareTo(charge.amount()) > 0 || !sameCurrency(charge, amount)) {
                        yield new ProviderResult.Declined(
                                "amount_too_large", "The amount to capture exceeds the authorization.");
                    }
                    jdbc.sql("UPDATE sandbox_charges SET status = 'CAPTURED', amount_captured = :amount, "
                                    + "updated_at = :now WHERE id = :id")
                            .param("id", charge.id())
                            .param("amount", amount.amount())
                            .param("now", Timestamp.from(clock.instant()))
                            .update();
                    yield new ProviderResult.Approved(charge.id());
                }
                case "CAPTURED" -> new ProviderResult.Approved(charge.id());
                case "VOIDED" ->
                    new ProviderResult.Declined("charge_voided", "The authorization was released before the capture.");
                default -> new ProviderResult.Declined("charge_declined", "The payment was declined.");
            };
        });
    }

    @Override
    public ProviderResult voidAuthorization(String idempotencyKey, String providerRef) {
        return transactions.execute(status -> {
            Optional<Charge> found = lockCharge(providerRef);
            if (found.isEmpty()) {
                return noSuchCharge(providerRef);
            }
            Charge charge = found.get();
            return switch (charge.status()) {
                case "AUTHORIZED" -> {
                    jdbc.sql("UPDATE sandbox_charges SET status = 'VOIDED', updated_at = :now WHERE id = :id")
                            .param("id", charge.id())
                            .param("now", Timestamp.from(clock.instant()))
                            .update();
                    yield new ProviderResult.Approved(charge.id());
                }
                case "VOIDED", "DECLINED" -> new ProviderResult.Approved(charge.id());
                default ->
                    new ProviderResult.Declined("charge_captured", "The payment was captured; refund it instead.");
            };
        });
    }

    @Override
    public ProviderResult refund(String idempotencyKey, String providerRef, Money amount) {
        return transactions.execute(status -> {
            record EarlierRefund(String id, String chargeId, BigDecimal amount) {}
            Optional<EarlierRefund> earlier = jdbc.sql(
                            "SELECT id, charge_id, amount FROM sandbox_refunds WHERE idempotency_key = :key")
                    .param("key", idempotencyKey)
                    .query((rs, n) -> new EarlierRefund(
                            rs.getString("id"), rs.getString("charge_id"), rs.getBigDecimal("amount")))
                    .optional();
            if (earlier.isPresent()) {
                // like a real gateway: the key answers its first request, and only that request
                EarlierRefund refund = earlier.get();
                return refund.chargeId().equals(providerRef) && refund.amount().compareTo(amount.amount()) == 0
                        ? new ProviderResult.Approved(refund.id())
                        : new ProviderResult.Declined(
                                "idempotency_key_reused", "This refund was already requested with different details.");
            }
            Optional<Charge> found = lockCharge(providerRef);
            if (found.isEmpty()) {
                return noSuchCharge(providerRef);
            }
            Charge charge = found.get();
            if (!"CAPTURED".equals(charge.status())) {
                return new ProviderResult.Declined("charge_not_captured", "Nothing was captured to refund.");
            }
            if (REFUND_DECLINED.equals(charge.paymentMethod())) {
                // refused for good: asking again (with this key or another) gets the same answer
                return new ProviderResult.Declined("refund_declined", REFUND_DECLINED_REASON);
            }
            if (!amount.isPositive()
                    || !sameCurrency(charge, amount)
                    || charge.refunded().add(amount.amount()).compareTo(charge.captured()) > 0) {
                return new ProviderResult.Declined(
                        "amount_too_large", "The refund exceeds what is left of the captured amount.");
            }
            String refundId = newId("re");
            jdbc.sql("""
                            INSERT INTO sandbox_refunds (id, idempotency_key, charge_id, amount, created_at)
                            VALUES (:id, :key, :charge, :amount, :now)
                            """)
                    .param("id", refundId)
                    .param("key", idempotencyKey)
                    .param("charge", charge.id())
                    .param("amount", amount.amount())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            jdbc.sql("UPDATE sandbox_charges SET amount_refunded = amount_refunded + :amount, updated_at = :now "
                            + "WHERE id = :id")
                    .param("id", charge.id())
                    .param("amount", amount.amount())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return new ProviderResult.Approved(refundId);
        });
    }

    @Override
    public ProviderResult payout(String idempotencyKey, String destination, Money amount) {
        switch (destination) {
            case DECLINED_ACCOUNT -> {
                return new ProviderResult.Declined(
                        "account_closed", "The payout account " + destination + " is closed and takes no transfers.");
            }
            case ERROR_ACCOUNT -> {
                return new ProviderResult.ProviderError("sandbox: HTTP 500 Internal Server Error");
            }
            default -> {}
        }
        if (!amount.isPositive()) {
            return new ProviderResult.Declined("invalid_amount", "A transfer is for a positive amount.");
        }
        return transactions.execute(status -> {
            String id = newId("tr");
            int inserted = jdbc.sql("""
                            INSERT INTO sandbox_transfers (id, idempotency_key, destination, amount, currency, created_at)
                            VALUES (:id, :key, :destination, :amount, :currency, :now)
                            ON CONFLICT (idempotency_key) DO NOTHING
                            """)
                    .param("id", id)
                    .param("key", idempotencyKey)
                    .param("destination", destination)
                    .param("amount", amount.amount())
                    .param("currency", amount.currency().getCurrencyCode())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 1) {
                log.info("sandbox transferred {} to {} ({})", amount, destination, idempotencyKey);
                return new ProviderResult.Approved(id);
            }
            record Earlier(String id, String destination, BigDecimal amount, String currency) {}
            Earlier earlier = jdbc.sql(
                            "SELECT id, destination, amount, currency FROM sandbox_transfers WHERE idempotency_key = :key")
                    .param("key", idempotencyKey)
                    .query((rs, n) -> new Earlier(
                            rs.getString("id"),
                            rs.getString("destination"),
                            rs.getBigDecimal("amount"),
                            rs.getString("currency")))
                    .single();
            // like a real provider: the key answers its first request, and only that request
            boolean same = earlier.destination().equals(destination)
                    && earlier.amount().compareTo(amount.amount()) == 0
                    && earlier.currency().equals(amount.currency().getCurrencyCode());
            return same
                    ? new ProviderResult.Approved(earlier.id())
                    : new ProviderResult.Declined(
                            "idempotency_key_reused", "This transfer was already requested with different details.");
        });
    }

    private ProviderResult answerRepeated(Charge charge, Money amount, String paymentMethod) {
        if (charge.amount().compareTo(amount.amount()) != 0
                || !sameCurrency(charge, amount)
                || !charge.paymentMethod().equals(paymentMethod)) {
            return new ProviderResult.Declined(
                    "idempotency_key_reused", "This payment was already requested with different details.");
        }
        if ("DECLINED".equals(charge.status())) {
            return new ProviderResult.Declined(charge.declineCode(), charge.declineReason());
        }
        return new ProviderResult.Approved(charge.id());
    }

    private void record(String idempotencyKey, Money amount, String paymentMethod, ProviderResult answer) {
        String id = answer instanceof ProviderResult.Approved approved ? approved.providerRef() : newId("ch");
        ProviderResult.Declined declined = answer instanceof ProviderResult.Declined d ? d : null;
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        INSERT INTO sandbox_charges (id, idempotency_key, payment_method, amount, currency, status,
                            decline_code, decline_reason, created_at, updated_at)
                        VALUES (:id, :key, :method, :amount, :currency, :status, :code, :reason, :now, :now)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("id", id)
                .param("key", idempotencyKey)
                .param("method", paymentMethod)
                .param("amount", amount.amount())
                .param("currency", amount.currency().getCurrencyCode())
                .param("status", declined == null ? "AUTHORIZED" : "DECLINED")
                .param("code", declined == null ? null : declined.code())
                .param("reason", declined == null ? null : declined.guestReason())
                .param("now", now)
                .update();
        if (inserted == 1) {
            log.info(
                    "sandbox {} {} for {} ({})",
                    declined == null ? "authorized" : "declined",
                    id,
                    amount,
                    idempotencyKey);
        }
    }

    private Optional<Charge> chargeWithKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM sandbox_charges WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(SandboxPaymentProvider::charge)
                .optional();
    }

    private Optional<Charge> lockCharge(String id) {
        return jdbc.sql("SELECT * FROM sandbox_charges WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(SandboxPaymentProvider::charge)
                .optional();
    }

    private static ProviderResult noSuchCharge(String providerRef) {
        return new ProviderResult.Declined("resource_missing", "No such payment: " + providerRef + ".");
    }

    private static boolean sameCurrency(Charge charge, Money amount) {
        return charge.currency().equals(amount.currency().getCurrencyCode());
    }

    private static String newId(String prefix) {
        return prefix + "_sandbox_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sandbox took its time", e);
        }
    }

    private static Charge charge(ResultSet rs, int row) throws SQLException {
        return new Charge(
                rs.getString("id"),
                rs.getString("payment_method"),
                rs.getBigDecimal("amount"),
                rs.getString("currency").trim(),
                rs.getString("status"),
                rs.getString("decline_code"),
                rs.getString("decline_reason"),
                rs.getBigDecimal("amount_captured"),
                rs.getBigDecimal("amount_refunded"));
    }

    private record Charge(
            String id,
            String paymentMethod,
            BigDecimal amount,
            String currency,
            String status,
            String declineCode,
            String declineReason,
            BigDecimal captured,
            BigDecimal refunded) {}
}
