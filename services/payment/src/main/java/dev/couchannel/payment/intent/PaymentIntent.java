package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.PlatformFee;
import dev.couchannel.payment.ledger.Split;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one booking (the booking id identifies it): authorized, then captured or voided,
 * then perhaps refunded. Every verb is idempotent: repeating it changes nothing and reports what
 * was done the first time, so a repeated saga command moves no money twice.
 *
 * <p>The intent records what the provider did; it never calls the provider itself. A use case
 * asks the provider first and then tells the intent the answer.
 */
public final class PaymentIntent {

    private final UUID bookingId;
    private final UUID paymentId;
    private final String guestId;
    private final String hostId;
    private final String sessionId;
    private final Money amount;
    private final String paymentMethod;
    private final Instant createdAt;
    private PaymentStatus status;
    private @Nullable String providerRef;
    private @Nullable String declineCode;
    private @Nullable String declineReason;
    private @Nullable Split captured;
    private final List<Refund> refunds;
    private final List<RefundFailure> refundFailures;
    private @Nullable Money hostPenalty;
    private Instant updatedAt;

    public PaymentIntent(
            UUID bookingId,
            UUID paymentId,
            String guestId,
            String hostId,
            String sessionId,
            Money amount,
            String paymentMethod,
            PaymentStatus status,
            @Nullable String providerRef,
            @Nullable String declineCode,
            @Nullable String declineReason,
            @Nullable Split captured,
            List<Refund> refunds,
            List<RefundFailure> refundFailures,
            @Nullable Money hostPenalty,
            Instant createdAt,
            Instant updatedAt) {
        this.bookingId = Objects.requireNonNull(bookingId);
        this.paymentId = Objects.requireNonNull(paymentId);
        this.guestId = Objects.requireNonNull(guestId);
        this.hostId = Objects.requireNonNull(hostId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.amount = Objects.requireNonNull(amount);
        this.paymentMethod = Objects.requireNonNull(paymentMethod);
        this.status = Objects.requireNonNull(status);
        this.providerRef = providerRef;
        this.declineCode = declineCode;
        this.declineReason = declineReason;
        this.captured = captured;
        this.refunds = new ArrayList<>(refunds);
        this.refundFailures = new ArrayList<>(refundFailures);
        this.hostPenalty = hostPenalty;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment is for a positive amount, got " + amount);
        }
        if (captured != null && !captured.total().equals(amount)) {
            throw new IllegalArgumentException("captured " + captured.total() + " of a payment of " + amount);
        }
        if (hostPenalty != null && (!hostPenalty.isPositive() || !hostPenalty.sameCurrencyAs(amount))) {
            throw new IllegalArgumentException(
                    "a host penalty is a positive amount in " + amount.currency() + ", got " + hostPenalty);
        }
    }

    /** A new intent whose authorization is about to be asked of the provider. */
    public static PaymentIntent request(
            UUID bookingId,
            UUID paymentId,
            String guestId,
            String hostId,
            String sessionId,
            Money amount,
            String paymentMethod,
            Instant now) {
        return new PaymentIntent(
                bookingId,
                paymentId,
                guestId,
                hostId,
                sessionId,
                amount,
                paymentMethod,
                PaymentStatus.PENDING,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                now,
                now);
    }

    /** The provider's authorization is still to be asked for (or its answer to be recorded). */
    public boolean awaitsAuthorization() {
        return status == PaymentStatus.PENDING;
    }

    /** Authorized and not yet captured or voided. */
    public boolean awaitsCapture() {
        return status == PaymentStatus.AUTHORIZED;
    }

    /** Records the provider's authorization; does nothing unless the intent awaited it. */
    public AuthorizationOutcome authorize(String authorizationRef, Instant now) {
        if (status == PaymentStatus.PENDING) {
            providerRef = Objects.requireNonNull(authorizationRef);
            moveTo(PaymentStatus.AUTHORIZED, now);
        }
        return authorization();
    }

    /** Records the provider's refusal; does nothing unless the intent awaited an answer. */
    public AuthorizationOutcome decline(String code, String guestReason, Instant now) {
        if (status == PaymentStatus.PENDING) {
            declineCode = Objects.requireNonNull(code);
            declineReason = Objects.requireNonNull(guestReason);
            moveTo(PaymentStatus.DECLINED, now);
        }
        return authorization();
    }

    /** The answer to AuthorizePayment, now and for every repetition of it. */
    public AuthorizationOutcome authorization() {
        return switch (status) {
            case PENDING -> new AuthorizationOutcome.Pending();
            case DECLINED ->
                new AuthorizationOutcome.Declined(
                        Objects.requireNonNull(declineCode), Objects.requireNonNull(declineReason));
            case VOIDED ->
                providerRef == null
                        ? new AuthorizationOutcome.Declined("voided", "The payment was cancelled.")
                        : new AuthorizationOutcome.Authorized(paymentId, amount);
            case AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED ->
                new AuthorizationOutcome.Authorized(paymentId, amount);
        };
    }

    /**
     * Takes the authorized amount (the provider has captured it), split between the host and the
     * platform by {@code fee}.
     */
    public CaptureOutcome capture(PlatformFee fee, Instant now) {
        return switch (status) {
            case AUTHORIZED -> {
                Split split = fee.split(amount);
                captured = split;
                moveTo(PaymentStatus.CAPTURED, now);
                yield new CaptureOutcome.Captured(split, true);
            }
            case CAPTURED, PARTIALLY_REFUNDED, REFUNDED ->
                new CaptureOutcome.Captured(Objects.requireNonNull(captured), false);
            case PENDING -> new CaptureOutcome.NotCaptured("The payment is not authorized yet.");
            case DECLINED -> new CaptureOutcome.NotCaptured("The payment was declined, so nothing can be captured.");
            case VOIDED -> new CaptureOutcome.NotCaptured("The payment was cancelled before it was captured.");
        };
    }

    /**
     * Gives the guest's money back or never takes it: releases an authorization, refunds what is
     * left of a captured payment in full (the provider has done so already), and is a no-op when
     * nothing is reserved or taken.
     */
    public VoidOutcome voidPayment(String reason, Instant now) {
        return switch (status) {
            case PENDING, AUTHORIZED -> {
                moveTo(PaymentStatus.VOIDED, now);
                yield new VoidOutcome.AuthorizationReleased();
            }
            case CAPTURED, PARTIALLY_REFUNDED -> {
                Optional<RefundFailure> refused = refundFailureWithKey(Refund.VOID_KEY);
                if (refused.isPresent()) {
                    // the provider refused this refund for good: the compensation is over, asking again is pointless
                    yield new VoidOutcome.RefundRefused(refused.get(), false);
                }
                Refund refund = addRefund(Refund.VOID_KEY, refundable(), reason, now);
                yield new VoidOutcome.RefundedInFull(refund);
            }
            case DECLINED, VOIDED, REFUNDED -> new VoidOutcome.NothingToVoid();
        };
    }

    /**
     * Records that the provider refused, for good, the full refund {@link #voidPayment} would give: nothing
     * is given back, the failure is recorded under {@link Refund#VOID_KEY} like a refused refund, and a void
     * asked again answers with it. A payment that is not (or no longer) captured and unrefunded is voided as
     * {@link #voidPayment} does.
     */
    public VoidOutcome voidRefused(String reason, String code, String providerReason, Instant now) {
        if (status != PaymentStatus.CAPTURED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            return voidPayment(reason, now);
        }
        Optional<RefundFailure> earlier = refundFailureWithKey(Refund.VOID_KEY);
        if (earlier.isPresent()) {
            return new VoidOutcome.RefundRefused(earlier.get(), false);
        }
        return new VoidOutcome.RefundRefused(
                recordFailure(Refund.VOID_KEY, refundable(), reason, code, providerReason, now), true);
    }

    /**
     * Gives back {@code requested}, or what is left of the captured amount if that is less. An
     * equal request (same amount and reason) repeats the earlier refund instead of adding one, or
     * the provider's earlier refusal of it.
     */
    public RefundOutcome refund(Money requested, String reason, Instant now) {
        String key = Refund.keyOf(requested, reason);
        Optional<RefundOutcome> answered = answeredBefore(key);
        if (answered.isPresent()) {
            return answered.get();
        }
        if (!status.isCaptured()) {
            return new RefundOutcome.NothingToRefund("nothing was captured (" + status + ")");
        }
        if (!requested.sameCurrencyAs(amount)) {
            return new RefundOutcome.NothingToRefund(
                    "the payment is in " + amount.currency() + ", not " + requested.currency());
        }
        if (!requested.isPositive()) {
            return new RefundOutcome.NothingToRefund("a refund of " + requested + " gives nothing back");
        }
        Money left = refundable();
        if (left.isZero()) {
            return new RefundOutcome.NothingToRefund("everything captured was refunded already");
        }
        return new RefundOutcome.Refunded(addRefund(key, requested.min(left), reason, now), true);
    }

    /**
     * Records that the provider refused, for good, the refund {@link #refund} would give for this
     * request: nothing is given back, the payment stays as it is, and the same request is answered
     * with this refusal from now on. An equal request that was already refunded or refused answers
     * as it did then.
     */
    public RefundOutcome refundRefused(
            Money requested, String reason, String code, String providerReason, Instant now) {
        String key = Refund.keyOf(requested, reason);
        Optional<RefundOutcome> answered = answeredBefore(key);
        if (answered.isPresent()) {
            return answered.get();
        }
        return new RefundOutcome.Refused(recordFailure(key, requested, reason, code, providerReason, now), true);
    }

    /**
     * The provider failed, later, a refund it had accepted (its webhook said so): the refund is taken back
     * out of the payment (the money never left, so it is refundable again) and recorded as a refused refund
     * under the same key, so that the same request is answered with the failure from now on. Nothing
     * happens for a key that is not a refund of this payment, or that failed before.
     *
     * @return the refund that is reversed and its failure; empty when nothing changed
     */
    public Optional<RefundReversal> refundFailedLater(String key, String code, String providerReason, Instant now) {
        Optional<Refund> refund = refundWithKey(key);
        if (refund.isEmpty() || refundFailureWithKey(key).isPresent()) {
            return Optional.empty();
        }
        Refund reversed = refund.get();
        refunds.remove(reversed);
        RefundFailure failure = recordFailure(key, reversed.amount(), reversed.reason(), code, providerReason, now);
        moveTo(refunds.isEmpty() ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_REFUNDED, now);
        return Optional.of(new RefundReversal(reversed, failure));
    }

    /** A refund reversed because the provider failed it after accepting it. */
    public record RefundReversal(Refund refund, RefundFailure failure) {}

    /**
     * An operator gave the money of the open refused refunds back another way (a bank transfer): each
     * becomes resolved by {@code reference}, and what was still refundable of it becomes a refund of this
     * payment under the request's key (the ledger posts it as a repayment). Repeating the same reference
     * repeats the answer and changes nothing.
     */
    public ResolutionOutcome resolveRefundFailures(String reference, String note, String resolvedBy, Instant now) {
        List<RefundFailure> open =
                refundFailures.stream().filter(failure -> !failure.isResolved()).toList();
        if (open.isEmpty()) {
            List<RefundFailure> sameReference = refundFailures.stream()
                    .filter(failure -> reference.equals(
                            Objects.requireNonNull(failure.resolution()).reference()))
                    .toList();
            if (!sameReference.isEmpty()) {
                return new ResolutionOutcome.Resolved(sameReference, List.of(), false);
            }
            return refundFailures.isEmpty()
                    ? new ResolutionOutcome.NothingFailed()
                    : new ResolutionOutcome.ResolvedBefore(refundFailures.getLast());
        }
        List<RefundFailure> resolved = new ArrayList<>();
        List<Refund> repayments = new ArrayList<>();
        for (RefundFailure failure : open) {
            Money repaid = status.isCaptured() ? failure.requested().min(refundable()) : Money.zero(amount.currency());
            if (repaid.isPositive() && refundWithKey(failure.key()).isEmpty()) {
                repayments.add(addRefund(failure.key(), repaid, failure.reason(), now));
            } else {
                repaid = Money.zero(amount.currency());
            }
            RefundFailure done =
                    failure.resolvedBy(new RefundFailure.Resolution(reference, note, repaid, resolvedBy, now));
            refundFailures.set(refundFailures.indexOf(failure), done);
            resolved.add(done);
        }
        updatedAt = now;
        return new ResolutionOutcome.Resolved(resolved, repayments, true);
    }

    private RefundFailure recordFailure(
            String key, Money requested, String reason, String code, String providerReason, Instant now) {
        RefundFailure failure = new RefundFailure(key, requested, reason, code, providerReason, now);
        refundFailures.add(failure);
        updatedAt = now;
        return failure;
    }

    /**
     * Charges the host {@code penalty} for cancelling the booking's session: couchannel keeps it
     * out of what it owes the host. At most one penalty per booking: asking again reports the first
     * and charges nothing more, whatever it asks. Only a captured payment can carry one: without
     * a capture the host was never owed anything for the booking.
     */
    public PenaltyOutcome penalizeHost(Money penalty, Instant now) {
        if (hostPenalty != null) {
            return new PenaltyOutcome.Charged(hostPenalty, false);
        }
        if (!penalty.isPositive()) {
            return new PenaltyOutcome.NoPenalty("no penalty was asked for");
        }
        if (!penalty.sameCurrencyAs(amount)) {
            return new PenaltyOutcome.NoPenalty(
                    "the payment is in " + amount.currency() + ", the penalty in " + penalty.currency());
        }
        if (!status.isCaptured()) {
            return new PenaltyOutcome.NoPenalty("nothing was captured (" + status + "), so the host was owed nothing");
        }
        hostPenalty = penalty;
        updatedAt = now;
        return new PenaltyOutcome.Charged(penalty, true);
    }

    /**
     * The provider reports that it released the authorization (a webhook): the intent follows,
     * unless money was already taken, which a release cannot undo.
     *
     * @return true when the intent changed
     */
    public boolean releasedByProvider(Instant now) {
        if (status == PaymentStatus.AUTHORIZED) {
            moveTo(PaymentStatus.VOIDED, now);
            return true;
        }
        return false;
    }

    /** The penalty charged to the host, once charged. */
    public Optional<Money> hostPenalty() {
        return Optional.ofNullable(hostPenalty);
    }

    /** What may still be refunded: the captured amount less the refunds; zero before a capture. */
    public Money refundable() {
        if (captured == null) {
            return Money.zero(amount.currency());
        }
        return captured.total().minus(refunded().total());
    }

    /** The refunds so far, added up and split like the capture. */
    public Split refunded() {
        Split sum = Split.zero(amount.currency());
        for (Refund refund : refunds) {
            sum = sum.plus(refund.split());
        }
        return sum;
    }

    public Optional<Refund> refundWithKey(String key) {
        return refunds.stream().filter(refund -> refund.key().equals(key)).findFirst();
    }

    /** How an equal request (same key) was answered before: its refund, or the provider's refusal of it. */
    private Optional<RefundOutcome> answeredBefore(String key) {
        Optional<Refund> earlier = refundWithKey(key);
        if (earlier.isPresent()) {
            return Optional.of(new RefundOutcome.Refunded(earlier.get(), false));
        }
        return refundFailureWithKey(key).map(refused -> new RefundOutcome.Refused(refused, false));
    }

    public Optional<RefundFailure> refundFailureWithKey(String key) {
        return refundFailures.stream()
                .filter(failure -> failure.key().equals(key))
                .findFirst();
    }

    /** The refunds the provider refused for good. */
    public List<RefundFailure> refundFailures() {
        return List.copyOf(refundFailures);
    }

    private Refund addRefund(String key, Money refundAmount, String reason, Instant now) {
        Split captureSplit = Objects.requireNonNull(captured);
        Refund refund = new Refund(key, Split.refundOf(captureSplit, refunded(), refundAmount), reason, now);
        refunds.add(refund);
        moveTo(refundable().isZero() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, now);
        return refund;
    }

    private void moveTo(PaymentStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public UUID bookingId() {
        return bookingId;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public String guestId() {
        return guestId;
    }

    public String hostId() {
        return hostId;
    }

    public String sessionId() {
        return sessionId;
    }

    public Money amount() {
        return amount;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public PaymentStatus status() {
        return status;
    }

    /** The provider's id of the authorization, once it authorized. */
    public @Nullable String providerRef() {
        return providerRef;
    }

    public @Nullable String declineCode() {
        return declineCode;
    }

    public @Nullable String declineReason() {
        return declineReason;
    }

    /** The split of the capture, once captured. */
    public Optional<Split> captured() {
        return Optional.ofNullable(captured);
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** A copy to try a verb on without changing this intent (to learn what the provider must do first). */
    public PaymentIntent copy() {
        return new PaymentIntent(
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
}
