package dev.couchannel.inventory.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ViewingSessionTest {

    static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");
    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    static ViewingSession sessionWithSeats(int capacity) {
        return ViewingSession.publish(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "host@example.com",
                capacity,
                Money.of("12.50", "EUR"),
                RefundPolicy.FLEXIBLE,
                "Living room, 65\" screen");
    }

    @Test
    void holdingMovesFreeSeatsToHeld() {
        ViewingSession session = sessionWithSeats(10);

        SeatDecision decision = session.hold(UUID.randomUUID(), 3, LATER, NOW);

        assertThat(decision).isInstanceOf(SeatDecision.Held.class);
        assertThat(session.seats()).isEqualTo(new Seats(10, 7, 3, 0));
    }

    @Test
    void holdingMoreThanIsFreeIsRefusedWithAReasonAndMovesNothing() {
        ViewingSession session = sessionWithSeats(4);
        session.hold(UUID.randomUUID(), 3, LATER, NOW);

        SeatDecision decision = session.hold(UUID.randomUUID(), 2, LATER, NOW);

        assertThat(decision).isInstanceOfSatisfying(SeatDecision.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("Only 1 seat is left."));
        assertThat(session.seats()).isEqualTo(new Seats(4, 1, 3, 0));
    }

    @Test
    void aSoldOutSessionSaysSo() {
        ViewingSession session = sessionWithSeats(2);
        session.hold(UUID.randomUUID(), 2, LATER, NOW);

        assertThat(session.hold(UUID.randomUUID(), 1, LATER, NOW))
                .isInstanceOfSatisfying(SeatDecision.Refused.class, refused -> assertThat(refused.reason())
                        .isEqualTo("This session is sold out."));
    }

    @Test
    void seatCountsOutsideOneToTwentyAreRefused() {
        ViewingSession session = sessionWithSeats(50);

        assertThat(session.hold(UUID.randomUUID(), 0, LATER, NOW)).isInstanceOf(SeatDecision.Refused.class);
        assertThat(session.hold(UUID.randomUUID(), 21, LATER, NOW)).isInstanceOf(SeatDecision.Refused.class);
        assertThat(session.seats().free()).isEqualTo(50);
    }

    @Test
    void sellingAHoldMovesHeldSeatsToSold() {
        ViewingSession session = sessionWithSeats(10);
        SeatHold hold = ((SeatDecision.Held) session.hold(UUID.randomUUID(), 4, LATER, NOW)).hold();

        assertThat(session.sell(hold, NOW.plusSeconds(5))).isInstanceOf(SeatDecision.Sold.class);
        assertThat(session.seats()).isEqualTo(new Seats(10, 6, 0, 4));
        assertThat(hold.status()).isEqualTo(HoldStatus.SOLD);
        // selling again is a repeat, not a second sale
        assertThat(session.sell(hold, NOW.plusSeconds(6))).isInstanceOf(SeatDecision.Sold.class);
        assertThat(session.seats()).isEqualTo(new Seats(10, 6, 0, 4));
    }

    @Test
    void anExpiredHoldCannotBeSoldAndItsSeatsComeBack() {
        ViewingSession session = sessionWithSeats(10);
        SeatHold hold = ((SeatDecision.Held) session.hold(UUID.randomUUID(), 4, LATER, NOW)).hold();

        assertThat(session.sell(hold, LATER.plusSeconds(1))).isInstanceOf(SeatDecision.NotSold.class);
        assertThat(session.seats()).isEqualTo(new Seats(10, 10, 0, 0));
        assertThat(hold.status()).isEqualTo(HoldStatus.EXPIRED);
    }

    @Test
    void releasingGivesHeldOrSoldSeatsBackOnce() {
        ViewingSession session = sessionWithSeats(10);
        SeatHold held = ((SeatDecision.Held) session.hold(UUID.randomUUID(), 2, LATER, NOW)).hold();
        SeatHold sold = ((SeatDecision.Held) session.hold(UUID.randomUUID(), 3, LATER, NOW)).hold();
        session.sell(sold, NOW);

        session.release(held, "guest gave up", NOW);
        session.release(sold, "refund", NOW);
        SeatDecision again = session.release(sold, "refund", NOW);

        assertThat(session.seats()).isEqualTo(Seats.empty(10));
        assertThat(again).isEqualTo(new SeatDecision.Released(sold, 0));
    }

    @Test
    void seatsThatDoNotAddUpCannotExist() {
        assertThatThrownBy(() -> new Seats(10, 5, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Seats(10, -1, 11, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
