package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund the provider refused for good (the charge is disputed or already refunded at the
 * provider, the card can no longer receive money, ...): nothing was given back, and the same request
 * is answered with this failure from then on without asking the provider again.
 *
 * @param key the key of the refund request ({@link Refund#keyOf}): the same amount and reason
 * @param requested what was asked to be given back
 * @param reason why the refund was asked for (the cancellation's reason)
 * @param code the provider's code, e.g. {@code refund_declined} or {@code charge_already_refunded}
 * @param providerReason what the provider said, in words a person can read
 */
public record RefundFailure(
        String key, Money requested, String reason, String code, String providerReason, Instant failedAt) {

    public RefundFailure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(providerReason, "providerReason");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
