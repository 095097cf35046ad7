package dev.couchannel.booking.checkout;

import dev.couchannel.booking.checkout.SagaAction.ConfirmBooking;
import dev.couchannel.booking.checkout.SagaAction.ConfirmSeats;
import dev.couchannel.booking.checkout.SagaAction.HoldSeats;
import dev.couchannel.booking.checkout.SagaAction.RejectBooking;
import dev.couchannel.booking.checkout.SagaAction.ReleaseSeats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The booking saga, read top to bottom:
 *
 * <ol>
 *   <li>{@code HOLD_SEATS}: inventory holds the seats. Compensation: {@code ReleaseSeats}.
 *   <li>{@code CONFIRM_SEATS}: inventory sells the held seats. Compensation: {@code ReleaseSeats}.
 *   <li>done: the booking is CONFIRMED.
 * </ol>
 *
 * Every step has a deadline. A step that fails rejects the booking with the participant's reason;
 * a step that times out may still have succeeded, so its compensation is sent before the booking
 * is rejected, and the saga stays {@code COMPENSATING} until the participant confirms it. A reply
 * that arrives after the saga gave up is compensated too. Pricing, compliance and payment steps
 * slot in between, each beside its compensation.
 *
 * <p>Pure: no I/O. {@link #on} and {@link #onDeadline} return the actions for the coordinator to
 * carry out in the same transaction that saves the new state.
 */
public final class BookingSaga {

    public enum Step {
        HOLD_SEATS,
        CONFIRM_SEATS,
        RELEASE_SEATS,
        DONE
    }

    public enum State {
        RUNNING,
        COMPENSATING,
        COMPLETED,
        FAILED
    }

    /**
     * @param stepTimeout how long a participant may take to answer one step
     * @param holdDuration how long inventory keeps the seats for this booking
     */
    public record Timeouts(Duration stepTimeout, Duration holdDuration) {}

    static final String TIMED_OUT = "We could not reserve your seats in time. Nothing was charged; please try again.";

    private final UUID bookingId;
    private final UUID sessionId;
    private final int seats;
    private final long version;
    private State state;
    private Step step;
    private Instant stepStartedAt;
    private @Nullable Instant deadline;
    private int attempts;
    private @Nullable String failure;

    public BookingSaga(
            UUID bookingId,
            UUID sessionId,
            int seats,
            State state,
            Step step,
            Instant stepStartedAt,
            @Nullable Instant deadline,
            int attempts,
            @Nullable String failure,
            long version) {
        this.bookingId = Objects.requireNonNull(bookingId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.seats = seats;
        this.state = Objects.requireNonNull(state);
        this.step = Objects.requireNonNull(step);
        this.stepStartedAt = Objects.requireNonNull(stepStartedAt);
        this.deadline = deadline;
        this.attempts = attempts;
        this.failure = failure;
        this.version = version;
    }

    /** A new saga and its first command. */
    public static Started start(UUID bookingId, UUID sessionId, int seats, Instant now, Timeouts timeouts) {
        BookingSaga saga = new BookingSaga(
                bookingId,
                sessionId,
                seats,
                State.RUNNING,
                Step.HOLD_SEATS,
                now,
                now.plus(timeouts.stepTimeout()),
                1,
                null,
                0);
        return new Started(
                saga, List.of(new HoldSeats(bookingId, sessionId, seats, now.plus(timeouts.holdDuration()))));
    }

    public record Started(BookingSaga saga, List<SagaAction> actions) {}

    /** Reacts to a participant's reply. */
    public List<SagaAction> on(SeatReply reply, Instant now, Timeouts timeouts) {
        return switch (state) {
            case RUNNING -> whileRunning(reply, now, timeouts);
            case COMPENSATING -> {
                if (reply instanceof SeatReply.SeatsReleased) {
                    finish(State.FAILED, now);
                }
                yield List.of();
            }
            // The saga is over: seats that turn up now belong to nobody, so give them back.
            case FAILED ->
                reply instanceof SeatReply.SeatsHeld || reply instanceof SeatReply.SeatsConfirmed
                        ? List.of(release("late reply after the booking was rejected"))
                        : List.of();
            case COMPLETED -> List.of();
        };
    }

    private List<SagaAction> whileRunning(SeatReply reply, Instant now, Timeouts timeouts) {
        return switch (step) {
            case HOLD_SEATS ->
                switch (reply) {
                    case SeatReply.SeatsHeld held -> {
                        moveTo(Step.CONFIRM_SEATS, now, timeouts);
                        yield List.of(new ConfirmSeats(bookingId, sessionId));
                    }
                    case SeatReply.SeatsUnavailable unavailable -> {
                        failure = unavailable.reason();
                        finish(State.FAILED, now);
                        yield List.of(new RejectBooking(bookingId, unavailable.reason()));
                    }
                    default -> List.of();
                };
            case CONFIRM_SEATS ->
                switch (reply) {
                    case SeatReply.SeatsConfirmed confirmed -> {
                        finish(State.COMPLETED, now);
                        yield List.of(new ConfirmBooking(bookingId));
                    }
                    case SeatReply.SeatsConfirmationFailed failed -> {
                        failure = failed.reason();
                        finish(State.FAILED, now);
                        yield List.of(new RejectBooking(bookingId, failed.reason()));
                    }
                    default -> List.of();
                };
            case RELEASE_SEATS, DONE -> List.of();
        };
    }

    /** The current step ran out of time: compensate what it may have done, or ask again. */
    public List<SagaAction> onDeadline(Instant now, Timeouts timeouts) {
        if (deadline == null || now.isBefore(deadline)) {
            return List.of();
        }
        return switch (state) {
            case RUNNING -> {
                ReleaseSeats compensation = release("step " + step + " timed out");
                failure = TIMED_OUT;
                state = State.COMPENSATING;
                moveTo(Step.RELEASE_SEATS, now, timeouts);
                yield List.of(compensation, new RejectBooking(bookingId, TIMED_OUT));
            }
            case COMPENSATING -> {
                // Compensations are idempotent: ask again until inventory confirms.
                attempts++;
                deadline = now.plus(timeouts.stepTimeout());
                yield List.of(release("compensation retry " + attempts));
            }
            case COMPLETED, FAILED -> List.of();
        };
    }

    private ReleaseSeats release(String why) {
        return new ReleaseSeats(bookingId, sessionId, why);
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

    public UUID bookingId() {
        return bookingId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public int seats() {
        return seats;
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

    public long version() {
        return version;
    }
}
