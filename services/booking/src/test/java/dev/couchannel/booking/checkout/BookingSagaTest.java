package dev.couchannel.booking.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.booking.checkout.SagaAction.ConfirmBooking;
import dev.couchannel.booking.checkout.SagaAction.ConfirmSeats;
import dev.couchannel.booking.checkout.SagaAction.HoldSeats;
import dev.couchannel.booking.checkout.SagaAction.RejectBooking;
import dev.couchannel.booking.checkout.SagaAction.ReleaseSeats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reads like a script: given this reply, expect that command. */
class BookingSagaTest {

    static final Instant T0 = Instant.parse("2026-11-21T18:00:00Z");
    static final BookingSaga.Timeouts TIMEOUTS =
            new BookingSaga.Timeouts(Duration.ofSeconds(30), Duration.ofMinutes(10));
    static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-000000000051");

    BookingSaga.Started started = BookingSaga.start(BOOKING, SESSION, 2, T0, TIMEOUTS);
    BookingSaga saga = started.saga();

    @Test
    void startsByHoldingTheSeatsForTheHoldDuration() {
        assertThat(started.actions())
                .containsExactly(new HoldSeats(BOOKING, SESSION, 2, T0.plus(Duration.ofMinutes(10))));
        assertThat(saga.step()).isEqualTo(BookingSaga.Step.HOLD_SEATS);
        assertThat(saga.deadline()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void heldSeatsAreConfirmedThenTheBookingIs() {
        assertThat(saga.on(new SeatReply.SeatsHeld(T0.plusSeconds(600)), T0.plusSeconds(1), TIMEOUTS))
                .containsExactly(new ConfirmSeats(BOOKING, SESSION));
        assertThat(saga.on(new SeatReply.SeatsConfirmed(), T0.plusSeconds(2), TIMEOUTS))
                .containsExactly(new ConfirmBooking(BOOKING));
        assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPLETED);
        assertThat(saga.deadline()).isNull();
    }

    @Test
    void noSeatsRejectsTheBookingWithInventorysReasonAndCompensatesNothing() {
        List<SagaAction> actions = saga.on(new SeatReply.SeatsUnavailable("Only 1 seat is left."), T0, TIMEOUTS);

        assertThat(actions).containsExactly(new RejectBooking(BOOKING, "Only 1 seat is left."));
        assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
    }

    @Test
    void aHoldThatTimesOutIsReleasedBeforeTheBookingIsRejected() {
        assertThat(saga.onDeadline(T0.plusSeconds(29), TIMEOUTS)).isEmpty();

        List<SagaAction> actions = saga.onDeadline(T0.plusSeconds(30), TIMEOUTS);

        assertThat(actions)
                .containsExactly(
                        new ReleaseSeats(BOOKING, SESSION, "step HOLD_SEATS timed out"),
                        new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
        assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPENSATING);
    }

    @Test
    void aConfirmationThatTimesOutIsReleasedToo() {
        saga.on(new SeatReply.SeatsHeld(T0.plusSeconds(600)), T0.plusSeconds(1), TIMEOUTS);

        assertThat(saga.onDeadline(T0.plusSeconds(31), TIMEOUTS))
                .containsExactly(
                        new ReleaseSeats(BOOKING, SESSION, "step CONFIRM_SEATS timed out"),
                        new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
    }

    @Test
    void anUnansweredCompensationIsAskedAgainUntilInventoryConfirmsIt() {
        saga.onDeadline(T0.plusSeconds(30), TIMEOUTS);

        assertThat(saga.onDeadline(T0.plusSeconds(60), TIMEOUTS))
                .containsExactly(new ReleaseSeats(BOOKING, SESSION, "compensation retry 2"));
        assertThat(saga.on(new SeatReply.SeatsReleased(), T0.plusSeconds(61), TIMEOUTS))
                .isEmpty();
        assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
        assertThat(saga.onDeadline(T0.plusSeconds(600), TIMEOUTS)).isEmpty();
    }

    @Test
    void seatsHeldAfterTheSagaGaveUpAreGivenBack() {
        saga.onDeadline(T0.plusSeconds(30), TIMEOUTS);
        saga.on(new SeatReply.SeatsReleased(), T0.plusSeconds(31), TIMEOUTS);

        assertThat(saga.on(new SeatReply.SeatsHeld(T0.plusSeconds(600)), T0.plusSeconds(32), TIMEOUTS))
                .containsExactly(new ReleaseSeats(BOOKING, SESSION, "late reply after the booking was rejected"));
    }

    @Test
    void aFailedConfirmationRejectsWithItsReason() {
        saga.on(new SeatReply.SeatsHeld(T0.plusSeconds(600)), T0.plusSeconds(1), TIMEOUTS);

        assertThat(saga.on(new SeatReply.SeatsConfirmationFailed("expired"), T0.plusSeconds(2), TIMEOUTS))
                .containsExactly(new RejectBooking(BOOKING, "expired"));
    }

    @Test
    void repeatedRepliesChangeNothing() {
        saga.on(new SeatReply.SeatsHeld(T0.plusSeconds(600)), T0.plusSeconds(1), TIMEOUTS);
        saga.on(new SeatReply.SeatsConfirmed(), T0.plusSeconds(2), TIMEOUTS);

        assertThat(saga.on(new SeatReply.SeatsConfirmed(), T0.plusSeconds(3), TIMEOUTS))
                .isEmpty();
        assertThat(saga.on(new SeatReply.SeatsHeld(T0.plusSeconds(600)), T0.plusSeconds(3), TIMEOUTS))
                .isEmpty();
        assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPLETED);
    }
}
