package dev.couchannel.booking.checkout;

import dev.couchannel.booking.checkout.SagaAction.AuthorizePayment;
import dev.couchannel.booking.checkout.SagaAction.CapturePayment;
import dev.couchannel.booking.checkout.SagaAction.CheckBooking;
import dev.couchannel.booking.checkout.SagaAction.ConfirmBooking;
import dev.couchannel.booking.checkout.SagaAction.ConfirmQuote;
import dev.couchannel.booking.checkout.SagaAction.ConfirmSeats;
import dev.couchannel.booking.checkout.SagaAction.FailRefund;
import dev.couchannel.booking.checkout.SagaAction.HoldSeats;
import dev.couchannel.booking.checkout.SagaAction.PriceBooking;
import dev.couchannel.booking.checkout.SagaAction.RejectBooking;
import dev.couchannel.booking.checkout.SagaAction.ReleaseQuote;
import dev.couchannel.booking.checkout.SagaAction.ReleaseSeats;
import dev.couchannel.booking.checkout.SagaAction.VoidPayment;
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
 * The booking saga, read top to bottom; each step beside its compensation:
 *
 * <ol>
 *   <li>{@code HOLD_SEATS} (inventory) — compensation {@code ReleaseSeats};
 *   <li>{@code CONFIRM_QUOTE} (pricing) — compensation {@code ReleaseQuote};
 *   <li>{@code CHECK_BOOKING} (compliance) — read-only, nothing to compensate;
 *   <li>{@code AUTHORIZE_PAYMENT} (payment) — compensation {@code VoidPayment};
 *   <li>{@code CONFIRM_SEATS} (inventory) — compensation {@code ReleaseSeats};
 *   <li>{@code CAPTURE_PAYMENT} (payment) — compensation {@code VoidPayment} (refunds a capture);
 *   <li>done: the booking is CONFIRMED.
 * </ol>
 *
 * A step that fails rejects the booking with the participant's reason and compensates the steps
 * already done, in reverse. Payment may answer a {@code VoidPayment} of a captured payment with
 * {@code PaymentRefundFailed} (the provider refused to give the money back for good): the void is over
 * all the same (the seats still come back, the saga still ends) and the rejected booking says so
 * ({@link FailRefund}: {@code refundStatus: FAILED}), also when the failure comes after the end. A step that times out may still have succeeded, so its own
 * compensation is sent too. The saga stays {@code COMPENSATING} until every participant has
 * confirmed its compensation, asking again at each deadline. A reply that arrives after the saga
 * failed is compensated as well.
 *
 * <p>Pure: no I/O. {@link #on} and {@link #onDeadline} return the actions for the coordinator to
 * carry out in the transaction that saves the new state.
 */
public final class BookingSaga {

    public enum Step {
        HOLD_SEATS,
        CONFIRM_QUOTE,
        CHECK_BOOKING,
        AUTHORIZE_PAYMENT,
        CONFIRM_SEATS,
        CAPTURE_PAYMENT,
        COMPENSATE,
        DONE
    }

    public enum State {
        RUNNING,
        COMPENSATING,
        COMPLETED,
        FAILED
    }

    /** The compensations a saga can owe. */
    public enum Compensation {
        RELEASE_SEATS,
        RELEASE_QUOTE,
        VOID_PAYMENT
    }

    /**
     * @param stepTimeout how long a participant may take to answer one step
     * @param holdDuration how long inventory keeps the seats for this booking
     */
    public record Timeouts(Duration stepTimeout, Duration holdDuration) {}

    /** What a booking asks of the saga: who books what, and how they pay. */
    public record Order(
            UUID bookingId,
            UUID sessionId,
            int seats,
            String guestId,
            String paymentMethod,
            @Nullable UUID quoteId,
            @Nullable UUID waitlistOfferId) {}

    static final String TIMED_OUT =
            "We could not complete your booking in time. Nothing was charged; please try again.";

    private final Order order;
    private final long version;
    private State state;
    private Step step;
    private Instant stepStartedAt;
    private @Nullable Instant deadline;
    private int attempts;
    private @Nullable String failure;
    private @Nullable String hostId;
    private @Nullable Money amount;
    private final Set<Compensation> pending;

    public BookingSaga(
            Order order,
            State state,
            Step step,
            Instant stepStartedAt,
            @Nullable Instant deadline,
            int attempts,
            @Nullable String failure,
            @Nullable String hostId,
            @Nullable Money amount,
            Set<Compensation> pending,
            long version) {
        this.order = Objects.requireNonNull(order);
        this.state = Objects.requireNonNull(state);
        this.step = Objects.requireNonNull(step);
        this.stepStartedAt = Objects.requireNonNull(stepStartedAt);
        this.deadline = deadline;
        this.attempts = attempts;
        this.failure = failure;
        this.hostId = hostId;
        this.amount = amount;
        this.pending = pending.isEmpty() ? EnumSet.noneOf(Compensation.class) : EnumSet.copyOf(pending);
        this.version = version;
    }

    /** A new saga and its first command. */
    public static Started start(Order order, Instant now, Timeouts timeouts) {
        BookingSaga saga = new BookingSaga(
                order,
                State.RUNNING,
                Step.HOLD_SEATS,
                now,
                now.plus(timeouts.stepTimeout()),
                1,
                null,
                null,
                null,
                Set.of(),
                0);
        return new Started(
                saga,
                List.of(new HoldSeats(
                        order.bookingId(),
                        order.sessionId(),
                        order.seats(),
                        now.plus(timeouts.holdDuration()),
                        order.guestId(),
                        order.waitlistOfferId())));
    }

    public record Started(BookingSaga saga, List<SagaAction> actions) {}

    /** Reacts to a participant's reply. */
    public List<SagaAction> on(SagaReply reply, Instant now, Timeouts timeouts) {
        return switch (state) {
            case RUNNING -> whileRunning(reply, now, timeouts);
            case COMPENSATING -> whileCompensating(reply, now);
            case FAILED -> afterFailure(reply);
            case COMPLETED -> List.of();
        };
    }

    private List<SagaAction> whileRunning(SagaReply reply, Instant now, Timeouts timeouts) {
        return switch (step) {
            case HOLD_SEATS ->
                switch (reply) {
                    case SagaReply.SeatsHeld held -> {
                        hostId = held.hostId();
                        moveTo(Step.CONFIRM_QUOTE, now, timeouts);
                        yield List.of(new ConfirmQuote(
                                order.bookingId(), order.sessionId(), order.seats(), order.guestId(), order.quoteId()));
                    }
                    case SagaReply.SeatsUnavailable unavailable ->
                        compensate(unavailable.reason(), Set.of(), now, timeouts);
                    default -> List.of();
                };
            case CONFIRM_QUOTE ->
                switch (reply) {
                    case SagaReply.QuoteConfirmed quote -> {
                        amount = quote.total();
                        moveTo(Step.CHECK_BOOKING, now, timeouts);
                        yield List.of(
                                new PriceBooking(order.bookingId(), amount),
                                new CheckBooking(order.bookingId(), order.sessionId(), order.seats(), order.guestId()));
                    }
                    case SagaReply.QuoteRejected rejected ->
                        compensate(rejected.reason(), EnumSet.of(Compensation.RELEASE_SEATS), now, timeouts);
                    default -> List.of();
                };
            case CHECK_BOOKING ->
                switch (reply) {
                    case SagaReply.BookingAllowed allowed -> {
                        moveTo(Step.AUTHORIZE_PAYMENT, now, timeouts);
                        yield List.of(new AuthorizePayment(
                                order.bookingId(),
                                order.guestId(),
                                Objects.requireNonNull(hostId),
                                order.sessionId(),
                                Objects.requireNonNull(amount),
                                order.paymentMethod()));
                    }
                    case SagaReply.BookingRefused refused ->
                        compensate(
                                refused.reason(),
                                EnumSet.of(Compensation.RELEASE_QUOTE, Compensation.RELEASE_SEATS),
                                now,
                                timeouts);
                    default -> List.of();
                };
            case AUTHORIZE_PAYMENT ->
                switch (reply) {
                    case SagaReply.PaymentAuthorized authorized -> {
                        moveTo(Step.CONFIRM_SEATS, now, timeouts);
                        yield List.of(new ConfirmSeats(order.bookingId(), order.sessionId()));
                    }
                    case SagaReply.PaymentDeclined declined ->
                        compensate(
                                declined.reason(),
                                EnumSet.of(Compensation.RELEASE_QUOTE, Compensation.RELEASE_SEATS),
                                now,
                                timeouts);
                    default -> List.of();
                };
            case CONFIRM_SEATS ->
                switch (reply) {
                    case SagaReply.SeatsConfirmed confirmed -> {
                        moveTo(Step.CAPTURE_PAYMENT, now, timeouts);
                        yield List.of(new CapturePayment(order.bookingId()));
                    }
                    // the hold is gone (expired or released), so only the authorization is left to undo
                    case SagaReply.SeatsConfirmationFailed failed ->
                        compensate(
                                failed.reason(),
                                EnumSet.of(Compensation.VOID_PAYMENT, Compensation.RELEASE_QUOTE),
                                now,
                                timeouts);
                    default -> List.of();
                };
            case CAPTURE_PAYMENT ->
                switch (reply) {
                    case SagaReply.PaymentCaptured captured -> {
                        finish(State.COMPLETED, now);
                        yield List.of(new ConfirmBooking(order.bookingId()));
                    }
                    case SagaReply.PaymentCaptureFailed failed ->
                        compensate(failed.reason(), EnumSet.allOf(Compensation.class), now, timeouts);
                    default -> List.of();
                };
            case COMPENSATE, DONE -> List.of();
        };
    }

    private List<SagaAction> whileCompensating(SagaReply reply, Instant now) {
        List<SagaAction> actions = List.of();
        switch (reply) {
            case SagaReply.SeatsReleased released -> pending.remove(Compensation.RELEASE_SEATS);
            case SagaReply.PaymentVoided voided -> pending.remove(Compensation.VOID_PAYMENT);
            // the captured money could not be given back: the void is over all the same, and the booking says so
            case SagaReply.PaymentRefundFailed failed -> {
                pending.remove(Compensation.VOID_PAYMENT);
                actions = List.of(failRefund(failed));
            }
            case SagaReply.QuoteReleased released -> pending.remove(Compensation.RELEASE_QUOTE);
            // late successes need nothing more: their compensation is already on its way, behind them
            default -> {}
        }
        if (pending.isEmpty()) {
            finish(State.FAILED, now);
        }
        return actions;
    }

    private FailRefund failRefund(SagaReply.PaymentRefundFailed failed) {
        return new FailRefund(order.bookingId(), failed.code(), failed.reason());
    }

    /** The saga is over: seats or money that turn up now belong to nobody, so give them back. */
    private List<SagaAction> afterFailure(SagaReply reply) {
        String why = "late reply after the booking was rejected";
        return switch (reply) {
            case SagaReply.SeatsHeld held -> List.of(release(why));
            case SagaReply.SeatsConfirmed confirmed -> List.of(release(why));
            case SagaReply.QuoteConfirmed quote -> List.of(releaseQuote(why));
            case SagaReply.PaymentAuthorized authorized -> List.of(voidPayment(why));
            case SagaReply.PaymentCaptured captured -> List.of(voidPayment(why));
            // a void asked again, or the void's refund failed at the provider after it was accepted
            case SagaReply.PaymentRefundFailed failed -> List.of(failRefund(failed));
            default -> List.of();
        };
    }

    /** The current step ran out of time: compensate it and every step before it, or ask again. */
    public List<SagaAction> onDeadline(Instant now, Timeouts timeouts) {
        if (deadline == null || now.isBefore(deadline)) {
            return List.of();
        }
        return switch (state) {
            case RUNNING -> compensate(TIMED_OUT, compensationsIfTimedOut(step), now, timeouts);
            case COMPENSATING -> {
                attempts++;
                deadline = now.plus(timeouts.stepTimeout());
                yield commandsFor(pending, "compensation retry " + attempts);
            }
            case COMPLETED, FAILED -> List.of();
        };
    }

    /** Everything that may have happened up to and including the step that timed out. */
    private static Set<Compensation> compensationsIfTimedOut(Step step) {
        return switch (step) {
            case HOLD_SEATS -> EnumSet.of(Compensation.RELEASE_SEATS);
            case CONFIRM_QUOTE, CHECK_BOOKING -> EnumSet.of(Compensation.RELEASE_QUOTE, Compensation.RELEASE_SEATS);
            case AUTHORIZE_PAYMENT, CONFIRM_SEATS, CAPTURE_PAYMENT -> EnumSet.allOf(Compensation.class);
            case COMPENSATE, DONE -> EnumSet.noneOf(Compensation.class);
        };
    }

    private List<SagaAction> compensate(String reason, Set<Compensation> owed, Instant now, Timeouts timeouts) {
        String why = step + (TIMED_OUT.equals(reason) ? " timed out" : " failed");
        failure = reason;
        List<SagaAction> actions = new ArrayList<>(commandsFor(owed, why));
        actions.add(new RejectBooking(order.bookingId(), reason));
        if (owed.isEmpty()) {
            finish(State.FAILED, now);
        } else {
            state = State.COMPENSATING;
            pending.clear();
            pending.addAll(owed);
            moveTo(Step.COMPENSATE, now, timeouts);
        }
        return actions;
    }

    /** In reverse order of the steps: money first, then the quote, then seats. */
    private List<SagaAction> commandsFor(Set<Compensation> owed, String why) {
        List<SagaAction> commands = new ArrayList<>();
        if (owed.contains(Compensation.VOID_PAYMENT)) {
            commands.add(voidPayment(why));
        }
        if (owed.contains(Compensation.RELEASE_QUOTE)) {
            commands.add(releaseQuote(why));
        }
        if (owed.contains(Compensation.RELEASE_SEATS)) {
            commands.add(release(why));
        }
        return commands;
    }

    private ReleaseSeats release(String why) {
        return new ReleaseSeats(order.bookingId(), order.sessionId(), why);
    }

    private ReleaseQuote releaseQuote(String why) {
        return new ReleaseQuote(order.bookingId(), why);
    }

    private VoidPayment voidPayment(String why) {
        return new VoidPayment(order.bookingId(), why);
    }

    private void moveTo(Step next, Instant now, Timeouts timeouts) {
        step = next;
        stepStartedAt = now;
        deadline = now.plus(timeouts.stepTimeout());
        attempts = 1;
    }

    private void finish(State end, Instant now) {
        state = end;
        step = Step.DONE;
        stepStartedAt = now;
        deadline = null;
    }

    public Order order() {
        return order;
    }

    public UUID bookingId() {
        return order.bookingId();
    }

    public UUID sessionId() {
        return order.sessionId();
    }

    public State state() {
        return state;
    }

    public Step step() {
        return step;
    }

    public Instant stepStartedAt() {
        return stepStartedAt;
    }

    public @Nullable Instant deadline() {
        return deadline;
    }

    public int attempts() {
        return attempts;
    }

    public @Nullable String failure() {
        return failure;
    }

    public @Nullable String hostId() {
        return hostId;
    }

    public @Nullable Money amount() {
        return amount;
    }

    public Set<Compensation> pending() {
        return Set.copyOf(pending);
    }

    public long version() {
        return version;
    }
}
