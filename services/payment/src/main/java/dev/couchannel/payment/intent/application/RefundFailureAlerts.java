package dev.couchannel.payment.intent.application;

import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.RefundFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The alert hooks of money the provider would not move back: one WARN line and one counter increment
 * an alert rule watches, per failure recorded. They fire once the transaction that records the failure
 * has committed, so a rolled-back (and redelivered) attempt is not counted twice.
 */
@Component
public class RefundFailureAlerts {

    /** Refunds the provider refused for good (tag {@code code}): alert on any increase. */
    public static final String REFUNDS_FAILED = "couchannel.payment.refunds.failed";

    /** Authorizations the provider would not release (tag {@code code}): an operator checks the provider. */
    public static final String VOIDS_UNRELEASED = "couchannel.payment.voids.unreleased";

    private static final Logger log = LoggerFactory.getLogger(RefundFailureAlerts.class);

    private final MeterRegistry meters;

    RefundFailureAlerts(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * A refund (of a cancellation, of a void, or one the provider failed after accepting it) was refused
     * for good and recorded in the current transaction.
     */
    public void refundFailed(UUID bookingId, RefundFailure failure) {
        afterCommit(() -> {
            log.warn(
                    "REFUND FAILED for good: booking {} ({} to its guest, {}): the payment provider refused with {}: {}; "
                            + "the guest's money must be given back another way",
                    bookingId,
                    failure.requested(),
                    failure.key(),
                    failure.code(),
                    failure.providerReason());
            Counter.builder(REFUNDS_FAILED)
                    .description("refunds the payment provider refused for good")
                    .tag("code", failure.code())
                    .register(meters)
                    .increment();
        });
    }

    /**
     * The provider refused to release an authorization the booking saga no longer wants; the intent is
     * voided anyway (we never capture it, so it lapses at the provider without taking money).
     */
    public void releaseRefused(UUID bookingId, ProviderResult.Declined declined) {
        afterCommit(() -> {
            log.warn(
                    "authorization of booking {} could not be released: the payment provider refused with {}: {}; "
                            + "it is voided here and lapses at the provider unless the provider captured it "
                            + "(an operator checks the provider)",
                    bookingId,
                    declined.code(),
                    declined.guestReason());
            Counter.builder(VOIDS_UNRELEASED)
                    .description("authorizations the payment provider would not release")
                    .tag("code", declined.code())
                    .register(meters)
                    .increment();
        });
    }

    private static void afterCommit(Runnable alert) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            alert.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                alert.run();
            }
        });
    }
}
