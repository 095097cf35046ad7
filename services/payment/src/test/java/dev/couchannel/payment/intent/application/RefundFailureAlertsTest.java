package dev.couchannel.payment.intent.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.RefundFailure;
import dev.couchannel.payment.ledger.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The alert hooks count what was recorded: once the recording transaction commits, never on a rollback. */
class RefundFailureAlertsTest {

    static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final RefundFailure FAILURE = new RefundFailure(
            "void",
            Money.of("80.00", "EUR"),
            "saga compensation",
            "refund_declined",
            "No refunds.",
            Instant.parse("2026-11-22T06:00:00Z"));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RefundFailureAlerts alerts = new RefundFailureAlerts(meters);

    @AfterEach
    void endTheTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aFailureIsCountedWhenItsTransactionCommits() {
        TransactionSynchronizationManager.initSynchronization();

        alerts.refundFailed(BOOKING, FAILURE);
        assertThat(count(RefundFailureAlerts.REFUNDS_FAILED, "refund_declined"))
                .as("not before the commit")
                .isZero();
        TransactionSynchronizationUtils.triggerAfterCommit();

        assertThat(count(RefundFailureAlerts.REFUNDS_FAILED, "refund_declined")).isEqualTo(1);
    }

    @Test
    void aRolledBackAttemptIsNotCountedSoItsRedeliveryCountsOnce() {
        TransactionSynchronizationManager.initSynchronization();
        alerts.refundFailed(BOOKING, FAILURE);
        alerts.releaseRefused(BOOKING, new ProviderResult.Declined("charge_captured", "Captured."));
        TransactionSynchronizationUtils.invokeAfterCompletion(
                TransactionSynchronizationManager.getSynchronizations(), TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();

        TransactionSynchronizationManager.initSynchronization(); // the redelivery
        alerts.refundFailed(BOOKING, FAILURE);
        TransactionSynchronizationUtils.triggerAfterCommit();

        assertThat(count(RefundFailureAlerts.REFUNDS_FAILED, "refund_declined")).isEqualTo(1);
        assertThat(count(RefundFailureAlerts.VOIDS_UNRELEASED, "charge_captured"))
                .isZero();
    }

    @Test
    void outsideATransactionItCountsAtOnce() {
        alerts.releaseRefused(BOOKING, new ProviderResult.Declined("charge_captured", "Captured."));

        assertThat(count(RefundFailureAlerts.VOIDS_UNRELEASED, "charge_captured"))
                .isEqualTo(1);
    }

    private double count(String name, String code) {
        Counter counter = meters.find(name).tag("code", code).counter();
        return counter == null ? 0 : counter.count();
    }
}
