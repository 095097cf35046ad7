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

    static ViewingSession draftWithSeats(int capacity) {
        return ViewingSession.draft(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "host@example.com",
                capacity,
                Money.of("12.50", "EUR"),
                RefundPolicy.FLEXIBLE,
                "Living room");
    }

    @Test
    void aDraftTakesNoBookingUntilPublishedAndPublishingTwiceChangesNothing() {
        ViewingSession session = draftWithSeats(4);

        assertThat(session.hold(UUID.randomUUID(), 1, LATER, NOW)).isInstanceOf(SeatDecision.Refused.class);
        assertThat(session.publish())
                .isEqualTo(new LifecycleDecision.Changed(SessionStatus.DRAFT, SessionStatus.PUBLISHED));
        assertThat(session.publish()).isEqualTo(new LifecycleDecision.Unchanged(SessionStatus.PUBLISHED));
        assertThat(session.hold(UUID.randomUUID(), 1, LATER, NOW)).isInstanceOf(SeatDecision.Held.class);
    }

    @Test
    void aCancelledSessionHoldsAndSellsNothingButGivesSoldSeatsBack() {
        ViewingSession session = sessionWithSeats(6);
        SeatHold sold = ((SeatDecision.Held) session.hold(UUID.randomUUID(), 2, LATER, NOW)).hold();
        session.sell(sold, NOW);
        SeatHold held = ((SeatDecision.Held) session.hold(UUID.randomUUID(), 3, LATER, NOW)).hold();

        assertThat(session.cancel())
                .isEqualTo(new LifecycleDecision.Changed(SessionStatus.PUBLISHED, SessionStatus.CANCELLED));
        assertThat(session.cancel()).isEqualTo(new LifecycleDecision.Unchanged(SessionStatus.CANCELLED));
        assertThat(session.publish()).isInstanceOf(LifecycleDecision.Refused.class);

        assertThat(session.hold(UUID.randomUUID(), 1, LATER, NOW))
                .isInstanceOfSatisfying(SeatDecision.Refused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(ViewingSession.CANCELLED_REASON));
        assertThat(session.sell(held, NOW))
                .isInstanceOfSatisfying(SeatDecision.NotSold.class, notSold -> assertThat(notSold.reason())
                        .isEqualTo(ViewingSession.CANCELLED_REASON));
        assertThat(session.seats()).isEqualTo(new Seats(6, 4, 0, 2));
        assertThat(session.release(sold, "booking cancelled", NOW)).isEqualTo(new SeatDecision.Released(sold, 2));
        assertThat(session.seats()).isEqualTo(Seats.empty(6));
        assertThat(session.holdForOffer(1)).isFalse();
    }

    @Test
    void anOfferHoldsSeatsThatItsBookingTakesOverWithoutMovingThem() {
        ViewingSession session = sessionWithSeats(3);

        assertThat(session.holdForOffer(4)).isFalse();
        assertThat(session.holdForOffer(2)).isTrue();
        assertThat(session.seats()).isEqualTo(new Seats(3, 1, 2, 0));
        assertThat(session.holdFromOffer(UUID.randomUUID(), 2, LATER, NOW)).isInstanceOf(SeatDecision.Held.class);
        assertThat(session.seats()).isEqualTo(new Seats(3, 1, 2, 0));
        session.releaseOfferSeats(2);
        assertThat(session.seats()).isEqualTo(Seats.empty(3));
    }
}
