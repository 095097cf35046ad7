package dev.couchannel.payment.intent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.PaymentServiceTest;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.ledger.Money;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox keeps its charges in the database, so it stays idempotent across restarts. */
class SandboxPaymentProviderIT extends PaymentServiceTest {

    static final Money TEN_EUROS = Money.of("10.00", "EUR");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aRestartedSandboxAnswersARepeatedAuthorizationAsBeforeWithoutASecondCharge() {
        String key = UUID.randomUUID().toString();

        ProviderResult first = newSandbox().authorize(key, TEN_EUROS, SandboxPaymentProvider.VISA);
        ProviderResult afterRestart = newSandbox().authorize(key, TEN_EUROS, SandboxPaymentProvider.VISA);

        assertThat(first).isInstanceOf(ProviderResult.Approved.class).isEqualTo(afterRestart);
        assertThat(charges(key)).isEqualTo(1);
    }

    @Test
    void aDeclineIsRememberedToo() {
        String key = UUID.randomUUID().toString();

        newSandbox().authorize(key, TEN_EUROS, SandboxPaymentProvider.INSUFFICIENT_FUNDS);
        ProviderResult again = newSandbox().authorize(key, TEN_EUROS, SandboxPaymentProvider.INSUFFICIENT_FUNDS);

        assertThat(again)
                .isEqualTo(new ProviderResult.Declined("insufficient_funds", "Your card has insufficient funds."));
        assertThat(charges(key)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherAmountIsRefused() {
        String key = UUID.randomUUID().toString();
        newSandbox().authorize(key, TEN_EUROS, SandboxPaymentProvider.VISA);

        ProviderResult other = newSandbox().authorize(key, Money.of("99.00", "EUR"), SandboxPaymentProvider.VISA);

        assertThat(other).isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> assertThat(declined.code())
                .isEqualTo("idempotency_key_reused"));
    }

    @Test
    void anErrorRecordsNothingSoARetryIsAFreshAttempt() {
        String key = UUID.randomUUID().toString();

        ProviderResult result = newSandbox().authorize(key, TEN_EUROS, SandboxPaymentProvider.ERROR);

        assertThat(result).isInstanceOf(ProviderResult.ProviderError.class);
        assertThat(charges(key)).isZero();
    }

    @Test
    void aRefundIsMadeOncePerKeyAndNeverBeyondTheCapture() {
        String key = UUID.randomUUID().toString();
        SandboxPaymentProvider sandbox = newSandbox();
        String charge = ((ProviderResult.Approved) sandbox.authorize(key, TEN_EUROS, SandboxPaymentProvider.VISA))
                .providerRef();
        assertThat(sandbox.capture(key + ":capture", charge, TEN_EUROS)).isInstanceOf(ProviderResult.Approved.class);

        ProviderResult refund = sandbox.refund(key + ":refund:1", charge, Money.of("6.00", "EUR"));
        ProviderResult repeated = newSandbox().refund(key + ":refund:1", charge, Money.of("6.00", "EUR"));
        ProviderResult tooMuch = sandbox.refund(key + ":refund:2", charge, Money.of("4.01", "EUR"));

        assertThat(repeated).isInstanceOf(ProviderResult.Approved.class).isEqualTo(refund);
        assertThat(tooMuch).isInstanceOf(ProviderResult.Declined.class);
        assertThat(jdbc.sql("SELECT amount_refunded FROM sandbox_charges WHERE id = :id")
                        .param("id", charge)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("6.00");
    }

    @Test
    void aRefundDeclinedCardIsChargedLikeVisaButEveryRefundOfItIsRefusedAndNothingMoves() {
        String key = UUID.randomUUID().toString();
        SandboxPaymentProvider sandbox = newSandbox();
        ProviderResult authorized = sandbox.authorize(key, TEN_EUROS, SandboxPaymentProvider.REFUND_DECLINED);
        String charge = ((ProviderResult.Approved) authorized).providerRef();
        assertThat(sandbox.capture(key + ":capture", charge, TEN_EUROS)).isInstanceOf(ProviderResult.Approved.class);

        ProviderResult refund = sandbox.refund(key + ":refund:1", charge, TEN_EUROS);
        ProviderResult again = newSandbox().refund(key + ":refund:1", charge, TEN_EUROS);
        ProviderResult part = sandbox.refund(key + ":refund:2", charge, Money.of("1.00", "EUR"));

        ProviderResult.Declined declined = new ProviderResult.Declined(
                "refund_declined", "The card this booking was paid with can no longer receive refunds.");
        assertThat(List.of(refund, again, part)).containsOnly(declined);
        assertThat(jdbc.sql("SELECT amount_refunded FROM sandbox_charges WHERE id = :id")
                        .param("id", charge)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_refunds WHERE charge_id = :id")
                        .param("id", charge)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSameKeysAsStripeGetsAnswerTheFirstRequestAndMoveNoMoneyAgain() {
        String booking = UUID.randomUUID().toString();
        SandboxPaymentProvider sandbox = newSandbox();
        String charge = ref(sandbox.authorize(booking, TEN_EUROS, SandboxPaymentProvider.VISA));

        ProviderResult capture = sandbox.capture(booking + ":capture", charge, TEN_EUROS);
        ProviderResult captureAgain = newSandbox().capture(booking + ":capture", charge, TEN_EUROS);
        ProviderResult refund = sandbox.refund(booking + ":refund:r-1", charge, Money.of("4.00", "EUR"));
        ProviderResult refundAgain = newSandbox().refund(booking + ":refund:r-1", charge, Money.of("4.00", "EUR"));
        ProviderResult keyReused = sandbox.refund(booking + ":refund:r-1", charge, Money.of("5.00", "EUR"));

        assertThat(captureAgain).isInstanceOf(ProviderResult.Approved.class).isEqualTo(capture);
        assertThat(refundAgain).isInstanceOf(ProviderResult.Approved.class).isEqualTo(refund);
        assertThat(keyReused)
                .isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> assertThat(declined.code())
                        .isEqualTo("idempotency_key_reused"));
        assertThat(jdbc.sql("SELECT amount_captured, amount_refunded FROM sandbox_charges WHERE id = :id")
                        .param("id", charge)
                        .query((rs, n) -> rs.getBigDecimal(1) + "/" + rs.getBigDecimal(2))
                        .single())
                .as("captured once, refunded once")
                .isEqualTo("10.00/4.00");
    }

    @Test
    void aCapturedChargeCannotBeVoidedAndAVoidedOneCannotBeCaptured() {
        SandboxPaymentProvider sandbox = newSandbox();
        String captured = ref(sandbox.authorize(UUID.randomUUID().toString(), TEN_EUROS, SandboxPaymentProvider.VISA));
        String voided = ref(sandbox.authorize(UUID.randomUUID().toString(), TEN_EUROS, SandboxPaymentProvider.VISA));
        sandbox.capture("c", captured, TEN_EUROS);
        sandbox.voidAuthorization("v", voided);

        assertThat(sandbox.voidAuthorization("v2", captured)).isInstanceOf(ProviderResult.Declined.class);
        assertThat(sandbox.capture("c2", voided, TEN_EUROS)).isInstanceOf(ProviderResult.Declined.class);
        assertThat(sandbox.voidAuthorization("v", voided)).isInstanceOf(ProviderResult.Approved.class);
    }

    @Test
    void aPayoutIsOneTransferPerKeyEvenAfterARestart() {
        String key = "payout:" + UUID.randomUUID() + ":0";

        ProviderResult first = newSandbox().payout(key, "acct_host_1", TEN_EUROS);
        ProviderResult again = newSandbox().payout(key, "acct_host_1", TEN_EUROS);
        ProviderResult otherAmount = newSandbox().payout(key, "acct_host_1", Money.of("11.00", "EUR"));
        ProviderResult otherDestination = newSandbox().payout(key, "acct_host_2", TEN_EUROS);

        assertThat(first).isInstanceOf(ProviderResult.Approved.class).isEqualTo(again);
        assertThat(ref(first)).startsWith("tr_");
        assertThat(List.of(otherAmount, otherDestination)).allSatisfy(result -> assertThat(result)
                .isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> assertThat(declined.code())
                        .isEqualTo("idempotency_key_reused")));
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_transfers WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theTestPayoutAccountsRefuseOrFailAndRecordNothing() {
        String key = "payout:" + UUID.randomUUID() + ":0";

        ProviderResult declined = newSandbox().payout(key, SandboxPaymentProvider.DECLINED_ACCOUNT, TEN_EUROS);
        ProviderResult failed = newSandbox().payout(key, SandboxPaymentProvider.ERROR_ACCOUNT, TEN_EUROS);

        assertThat(declined).isInstanceOfSatisfying(ProviderResult.Declined.class, d -> assertThat(d.code())
                .isEqualTo("account_closed"));
        assertThat(failed).isInstanceOf(ProviderResult.ProviderError.class);
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_transfers WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private SandboxPaymentProvider newSandbox() {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SandboxPaymentProvider(jdbc, transactions, Clock.systemUTC(), Duration.ZERO);
    }

    private static String ref(ProviderResult result) {
        return ((ProviderResult.Approved) result).providerRef();
    }

    private long charges(String key) {
        return jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }
}
