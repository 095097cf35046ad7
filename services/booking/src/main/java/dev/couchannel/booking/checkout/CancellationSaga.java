package dev.couchannel.booking.checkout;

import dev.couchannel.booking.checkout.SagaAction.FailRefund;
import dev.couchannel.booking.checkout.SagaAction.RefundPayment;
import dev.couchannel.booking.checkout.SagaAction.ReleaseSeats;
import dev.couchannel.booking.checkout.SagaAction.SettleRefund;
import dev.couchannel.booking.reservation.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The cancellation saga of a confirmed booking, once the booking is CANCELLED:
 *
 * <ol>
 *   <li>{@code RELEASE_SEATS} (inventory) and {@code REFUND_PAYMENT} (payment: the refund, and the
 *       host's penalty when the host cancelled), sent together;
 *   <li>done when both participants have confirmed: the refund is settled.
 * </ol>
 *
 * The decision to cancel is already taken and published, so nothing here is ever undone: this saga
 * only recovers forward. A participant that does not confirm in time is asked again at every
 * deadline, with a growing pause, until it does; both commands are idempotent at their participant
 * (a repeat answers the same confirmation and moves nothing twice).
 *
 * <p>One answer ends the refund without money: payment's {@code PaymentRefundFailed}, when the
 * payment provider refused the refund for good. The booking's refund is marked failed at once
 * ({@link FailRefund}, for an operator to follow up), the refund is never asked again, and the saga
 * ends as {@link State#REFUND_FAILED} once the seats are back (their release goes on as usual). The
 * same answer may come after payment confirmed the refund (the provider failed it later): the booking's
 * refund turns FAILED then, and a cancellation that had COMPLETED becomes REFUND_FAILED.
 *
 * <p>Pure: no I/O. {@link #on} and {@link #onDeadline} return the actions to carry out in the
 * transaction that saves the new state.
 */
public final class CancellationSaga {

    public enum State {
        RUNNING,
        /** The seats are back and the refund is paid. */
        COMPLETED,
        /** The seats are back; the payment provider refused the refund for good. */
        REFUND_FAILED
    }

    /** What the saga waits on. */
    public enum Step {
        RELEASE_SEATS,
        REFUND_PAYMENT
    }

    /** What is cancelled, and on which terms. */
    public record Order(UUID bookingId, UUID sessionId, Money refund, Money hostPenalty, String reason) {

        boolean movesMoney() {
            return !refund.isZero() || !hostPenalty.isZero();
        }
    }

    /** Why payment could not give the money back: the provider's code and a sentence a person can read. */
    public record RefundFailure(String code, String reason) {

        public RefundFailure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The longest pause between two attempts of a participant that does not answer. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final Order order;
    private final Instant startedAt;
    private final long version;
    private State state;
    private final Set<Step> pending;
    private @Nullable Instant deadline;
    private int attempts;
    private @Nullable Instant completedAt;
    private @Nullable RefundFailure refundFailure;

    public CancellationSaga(
            Order order,
            Instant startedAt,
            State state,
            Set<Step> pending,
            @Nullable Instant deadline,
            int attempts,
            @Nullable Instant completedAt,
            @Nullable RefundFailure refundFailure,
            long version) {
        this.order = Objects.requireNonNull(order);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.state = Objects.requireNonNull(state);
        this.pending = pending.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(pending);
        this.deadline = deadline;
        this.attempts = attempts;
        this.completedAt = completedAt;
        this.refundFailure = refundFailure;
        this.version = version;
    }

    /** A new cancellation and its commands. */
    public static Started start(Order order, Instant now, Duration stepTimeout) {
        Set<Step> steps = order.movesMoney() ? EnumSet.allOf(Step.class) : EnumSet.of(Step.RELEASE_SEATS);
        CancellationSaga saga =
                new CancellationSaga(order, now, State.RUNNING, steps, now.plus(stepTimeout), 1, null, null, 0);
        return new Started(saga, saga.commandsFor(steps));
    }

    public record Started(CancellationSaga saga, List<SagaAction> actions) {}

    /**
     * Reacts to a participant's reply; anything but an answer to a pending step is ignored. A
     * refund that failed for good is the refund's answer too: it is not asked again.
     */
    public List<SagaAction> on(SagaReply reply, Instant now) {
        if (reply instanceof SagaReply.PaymentRefundFailed failed && refundFailure == null && refundAnswered()) {
            return refundFailedLater(failed);
        }
        if (state != State.RUNNING) {
            return List.of();
        }
        List<SagaAction> actions = new ArrayList<>();
        switch (reply) {
            case SagaReply.SeatsReleased released -> {
                if (!pending.remove(Step.RELEASE_SEATS)) {
                    return List.of();
                }
            }
            case SagaReply.PaymentRefunded refunded -> {
                if (!pending.remove(Step.REFUND_PAYMENT)) {
                    return List.of();
                }
            }
            case SagaReply.PaymentRefundFailed failed -> {
                if (!pending.remove(Step.REFUND_PAYMENT)) {
                    return List.of();
                }
                refundFailure = new RefundFailure(failed.code(), failed.reason());
                actions.add(new FailRefund(order.bookingId(), failed.code(), failed.reason()));
            }
            default -> {
                return List.of();
            }
        }
        if (!pending.isEmpty()) {
            return actions;
        }
        deadline = null;
        completedAt = now;
        if (refundFailure != null) {
            state = State.REFUND_FAILED;
            return actions;
        }
        state = State.COMPLETED;
        actions.add(new SettleRefund(order.bookingId()));
        return actions;
    }

    private boolean refundAnswered() {
        return order.movesMoney() && !pending.contains(Step.REFUND_PAYMENT);
    }

    /**
     * The provider failed, later, a refund payment had confirmed (a Stripe refund that fails after it was
     * accepted): the booking's refund turns FAILED, and a settled cancellation ends {@link State#REFUND_FAILED}
     * instead; a running one (seats still on their way) will.
     */
    private List<SagaAction> refundFailedLater(SagaReply.PaymentRefundFailed failed) {
        refundFailure = new RefundFailure(failed.code(), failed.reason());
        if (state == State.COMPLETED) {
            state = State.REFUND_FAILED;
        }
        return List.of(new FailRefund(order.bookingId(), failed.code(), failed.reason()));
    }

    /** Asks again whoever has not confirmed by the deadline, then waits longer before the next try. */
    public List<SagaAction> onDeadline(Instant now, Duration stepTimeout) {
        if (state != State.RUNNING || deadline == null || now.isBefore(deadline)) {
            return List.of();
        }
        attempts++;
        Duration pause = stepTimeout.multipliedBy(1L << Math.min(attempts - 1, 10));
        deadline = now.plus(pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause);
        return commandsFor(pending);
    }

    private List<SagaAction> commandsFor(Set<Step> steps) {
        List<SagaAction> commands = new ArrayList<>();
        if (steps.contains(Step.RELEASE_SEATS)) {
            commands.add(new ReleaseSeats(order.bookingId(), order.sessionId(), order.reason()));
        }
        if (steps.contains(Step.REFUND_PAYMENT)) {
            commands.add(new RefundPayment(order.bookingId(), order.refund(), order.hostPenalty(), order.reason()));
        }
        return commands;
    }

    public Order order() {
        return order;
    }

    public UUID bookingId() {
        return order.bookingId();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public State state() {
        return state;
    }

    public Set<Step> pending() {
        return Set.copyOf(pending);
    }

    public @Nullable Instant deadline() {
        return deadline;
    }

    public int attempts() {
        return attempts;
    }

    public @Nullable Instant completedAt() {
        return completedAt;
    }

    /** Why the refund failed for good, once payment said so. */
    public @Nullable RefundFailure refundFailure() {
        return refundFailure;
    }

    public long version() {
        return version;
    }
}
