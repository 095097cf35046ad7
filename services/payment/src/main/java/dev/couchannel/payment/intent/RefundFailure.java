package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A refund the provider refused for good (the charge is disputed or already refunded at the
 * provider, the card can no longer receive money, ...), at once or later (a refund it accepted and
 * then failed): nothing was given back, and the same request is answered with this failure from then
 * on without asking the provider again. An operator who gave the money back another way (a bank
 * transfer) records it as its {@link Resolution}.
 *
 * @param key the key of the refund request ({@link Refund#keyOf}, or {@link Refund#VOID_KEY}): the same
 *     amount and reason
 * @param requested what was asked to be given back
 * @param reason why the refund was asked for (the cancellation's reason)
 * @param code the provider's code, e.g. {@code refund_declined} or {@code charge_already_refunded}
 * @param providerReason what the provider said, in words a person can read
 * @param resolution how an operator gave the money back another way, once recorded
 */
public record RefundFailure(
        String key,
        Money requested,
        String reason,
        String code,
        String providerReason,
        Instant failedAt,
        @Nullable Resolution resolution) {

    public RefundFailure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(providerReason, "providerReason");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    /** A failure nobody has resolved yet. */
    public RefundFailure(
            String key, Money requested, String reason, String code, String providerReason, Instant failedAt) {
        this(key, requested, reason, code, providerReason, failedAt, null);
    }

    public boolean isResolved() {
        return resolution != null;
    }

    RefundFailure resolvedBy(Resolution how) {
        return new RefundFailure(key, requested, reason, code, providerReason, failedAt, how);
    }

    /**
     * How an operator gave the money back outside the provider.
     *
     * @param reference the operator's reference of the repayment (a bank transfer's id)
     * @param note what the operator wants to remember about it
     * @param repaid what was given back (what was still refundable of the request; zero if nothing was)
     * @param resolvedBy who recorded it
     */
    public record Resolution(String reference, String note, Money repaid, String resolvedBy, Instant resolvedAt) {

        public Resolution {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(repaid, "repaid");
            Objects.requireNonNull(resolvedBy, "resolvedBy");
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }
    }
}
