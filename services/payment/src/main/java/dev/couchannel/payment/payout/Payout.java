package dev.couchannel.payment.payout;

import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money sent to a host for the bookings it settles. Written PENDING before the provider is asked;
 * PAID once it answered yes (with the ledger entry, in the same transaction); FAILED when it said
 * no or could not answer, and then tried again later.
 *
 * <p>The provider's idempotency key is the payout id and a key generation. It stays the same for
 * every retry whose first outcome is unknown (a crash, a timeout, the provider down), so the provider
 * answers the first transfer again instead of sending a second one. Only a definite refusal — nothing
 * moved — starts a new generation, so that the next attempt may go to a corrected destination.
 */
public final class Payout {

    private final UUID id;
    private final String hostId;
    private final Money amount;
    private final Instant createdAt;
    private PayoutStatus status;
    private int keyGeneration;
    private @Nullable String destination;
    private int attempts;
    private Instant nextAttemptAt;
    private @Nullable String failureCode;
    private @Nullable String failureReason;
    private @Nullable String providerRef;
    private @Nullable Instant paidAt;

    public Payout(
            UUID id,
            String hostId,
            Money amount,
            PayoutStatus status,
            int keyGeneration,
            @Nullable String destination,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String failureCode,
            @Nullable String failureReason,
            @Nullable String providerRef,
            Instant createdAt,
            @Nullable Instant paidAt) {
        this.id = Objects.requireNonNull(id);
        this.hostId = Objects.requireNonNull(hostId);
        this.amount = Objects.requireNonNull(amount);
        this.status = Objects.requireNonNull(status);
        this.keyGeneration = keyGeneration;
        this.destination = destination;
        this.attempts = attempts;
        this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt);
        this.failureCode = failureCode;
        this.failureReason = failureReason;
        this.providerRef = providerRef;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.paidAt = paidAt;
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payout pays a positive amount, got " + amount);
        }
    }

    /** A payout of a plan, to be tried at once. */
    public static Payout of(PayoutPlan plan, UUID id, Instant now) {
        if (!plan.isPayable()) {
            throw new IllegalArgumentException("nothing to pay: " + plan.amount());
        }
        return new Payout(
                id, plan.hostId(), plan.amount(), PayoutStatus.PENDING, 0, null, 0, now, null, null, null, now, null);
    }

    /** The key of the next provider call: the same until a definite refusal. */
    public String idempotencyKey() {
        return "payout:" + id + ":" + keyGeneration;
    }

    /**
     * Where this attempt sends the money: the destination already used under the current key (a
     * retry must not change it, or the provider would refuse the key), else {@code current}, which is
     * then fixed for the key.
     */
    public String destinationFor(String current) {
        if (destination == null) {
            destination = Objects.requireNonNull(current);
        }
        return destination;
    }

    /**
     * The provider transferred the money.
     *
     * @return true when this changed the payout (false when it was paid already: nothing more to record)
     */
    public boolean paid(String transferRef, Instant now) {
        if (status == PayoutStatus.PAID) {
            return false;
        }
        status = PayoutStatus.PAID;
        providerRef = Objects.requireNonNull(transferRef);
        paidAt = now;
        failureCode = null;
        failureReason = null;
        attempts++;
        return true;
    }

    /**
     * The provider refused (nothing moved): tried again after {@code retry}'s pause under a new key,
     * to the host's destination as it is then.
     */
    public void refused(String code, String reason, PayoutRetry retry, Instant now) {
        if (status == PayoutStatus.PAID) {
            return;
        }
        fail(code, reason, retry, now);
        keyGeneration++;
        destination = null;
    }

    /** The provider could not answer: the outcome is unknown, so the retry keeps the key and destination. */
    public void unanswered(String detail, PayoutRetry retry, Instant now) {
        if (status == PayoutStatus.PAID) {
            return;
        }
        fail("provider_unavailable", detail, retry, now);
    }

    private void fail(String code, String reason, PayoutRetry retry, Instant now) {
        attempts++;
        status = PayoutStatus.FAILED;
        failureCode = Objects.requireNonNull(code);
        failureReason = Objects.requireNonNull(reason);
        nextAttemptAt = now.plus(retry.after(attempts));
    }

    public UUID id() {
        return id;
    }

    public String hostId() {
        return hostId;
    }

    public Money amount() {
        return amount;
    }

    public PayoutStatus status() {
        return status;
    }

    public int keyGeneration() {
        return keyGeneration;
    }

    public @Nullable String destination() {
        return destination;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String failureCode() {
        return failureCode;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public @Nullable String providerRef() {
        return providerRef;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant paidAt() {
        return paidAt;
    }
}
