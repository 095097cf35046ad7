package dev.couchannel.inventory.seating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the saga, the guests and the expiry sweep do to a session's seats, in any order and any
 * number of times, every seat is free, held or sold exactly once, and no seat is sold twice.
 */
class SeatInvariantPropertyTest {

    static final Instant START = Instant.parse("2026-11-21T18:00:00Z");

    /** A small pool, so that the same booking comes back often (redelivered and repeated commands). */
    static final int BOOKINGS = 5;

    static final Map<HoldStatus, Set<HoldStatus>> ALLOWED = Map.of(
            HoldStatus.HELD, EnumSet.of(HoldStatus.HELD, HoldStatus.SOLD, HoldStatus.RELEASED, HoldStatus.EXPIRED),
            HoldStatus.SOLD, EnumSet.of(HoldStatus.SOLD, HoldStatus.RELEASED),
            HoldStatus.RELEASED, EnumSet.of(HoldStatus.RELEASED),
            HoldStatus.EXPIRED, EnumSet.of(HoldStatus.EXPIRED),
            HoldStatus.REFUSED, EnumSet.of(HoldStatus.REFUSED));

    sealed interface Step {}

    /** HoldSeats for a booking, held until {@code minutes} from now. */
    record Hold(int booking, int seats, int minutes) implements Step {}

    /** ConfirmSeats (payment captured). */
    record Confirm(int booking) implements Step {}

    /** ReleaseSeats: a guest cancelling, or the saga compensating. */
    record Release(int booking, boolean compensation) implements Step {}

    /** Time passes, then the expiry sweep frees up to {@code limit} holds that ran out. */
    record Tick(int minutes, int limit) implements Step {}

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Integer> booking = Arbitraries.integers().between(0, BOOKINGS - 1);
        Arbitrary<Integer> seats = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 6)),
                Tuple.of(3, Arbitraries.integers().between(1, ViewingSession.MAX_SEATS_PER_BOOKING)),
                Tuple.of(1, Arbitraries.of(0, ViewingSession.MAX_SEATS_PER_BOOKING + 1)),
                Tuple.of(1, Arbitraries.integers().between(-2, 40)));
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Combinators.combine(
                                        booking, seats, Arbitraries.integers().between(0, 20))
                                .as(Hold::new)),
                Tuple.of(3, booking.map(Confirm::new)),
                Tuple.of(
                        2,
                        Combinators.combine(booking, Arbitraries.of(false, true))
                                .as(Release::new)),
                Tuple.of(
                        2,
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 15),
                                        Arbitraries.integers().between(1, BOOKINGS))
                                .as(Tick::new)));
    }

    @Property(tries = 1000)
    void anyInterleavingOfHoldsSalesReleasesAndExpiryKeepsEverySeatAccountedFor(
            @ForAll @IntRange(min = 1, max = 30) int capacity,
            @ForAll @Size(min = 10, max = 40) List<@From("steps") Step> steps) {
        Desk desk = new Desk(capacity);
        Map<UUID, SeatHold> heldDecisions = new HashMap<>();
        Map<UUID, Integer> sales = new HashMap<>();

        for (Step step : steps) {
            Map<UUID, HoldStatus> before = desk.statuses();
            Seats seatsBefore = desk.session.seats();
            switch (step) {
                case Hold hold -> {
                    UUID bookingId = bookingId(hold.booking());
                    Optional<SeatDecision> decision =
                            desk.hold(bookingId, hold.seats(), Duration.ofMinutes(hold.minutes()));
                    if (before.containsKey(bookingId)) {
                        assertThat(decision)
                                .as("a repeated hold is answered from the earlier one")
                                .isEmpty();
                        assertThat(desk.session.seats()).isEqualTo(seatsBefore);
                    } else {
                        boolean fits = hold.seats() >= 1
                                && hold.seats() <= ViewingSession.MAX_SEATS_PER_BOOKING
                                && hold.seats() <= seatsBefore.free();
                        if (fits) {
                            assertThat(decision).get().isInstanceOfSatisfying(SeatDecision.Held.class, held -> {
                                assertThat(held.hold().seats()).isEqualTo(hold.seats());
                                assertThat(heldDecisions.putIfAbsent(bookingId, held.hold()))
                                        .as("one Held per booking")
                                        .isNull();
                            });
                        } else {
                            assertThat(decision).get().isInstanceOf(SeatDecision.Refused.class);
                            assertThat(desk.session.seats()).isEqualTo(seatsBefore);
                        }
                    }
                }
                case Confirm confirm -> {
                    UUID bookingId = bookingId(confirm.booking());
                    Optional<SeatDecision> decision = desk.confirm(bookingId);
                    HoldStatus was = before.get(bookingId);
                    if (was == null) {
                        assertThat(decision).isEmpty();
                    } else if (decision.orElseThrow() instanceof SeatDecision.Sold sold) {
                        assertThat(was)
                                .as("only a held or already sold hold is sold")
                                .isIn(HoldStatus.HELD, HoldStatus.SOLD);
                        assertThat(sold.hold())
                                .as("a sale is of the hold an earlier Held decision gave out")
                                .isSameAs(heldDecisions.get(bookingId));
                        if (was == HoldStatus.HELD) {
                            int salesOfBooking = sales.merge(bookingId, 1, Integer::sum);
                            assertThat(salesOfBooking)
                                    .as("seats of a booking sold once")
                                    .isEqualTo(1);
                            assertThat(desk.session.seats().sold() - seatsBefore.sold())
                                    .as("seats that became sold")
                                    .isEqualTo(sold.hold().seats());
                        } else {
                            assertThat(desk.session.seats()).isEqualTo(seatsBefore);
                        }
                    } else {
                        assertThat(decision).get().isInstanceOf(SeatDecision.NotSold.class);
                        assertThat(was).isNotEqualTo(HoldStatus.SOLD);
                    }
                }
                case Release release -> {
                    UUID bookingId = bookingId(release.booking());
                    Optional<SeatDecision> decision =
                            desk.release(bookingId, release.compensation() ? "payment failed" : "guest cancelled");
                    HoldStatus was = before.get(bookingId);
                    if (was == null) {
                        assertThat(decision).isEmpty();
                    } else {
                        int owned = was == HoldStatus.HELD || was == HoldStatus.SOLD
                                ? desk.holds.get(bookingId).seats()
                                : 0;
                        assertThat(decision)
                                .get()
                                .isInstanceOfSatisfying(
                                        SeatDecision.Released.class, released -> assertThat(released.seatsFreed())
                                                .as("a release frees what the booking had, once")
                                                .isEqualTo(owned));
                        assertThat(desk.session.seats().free() - seatsBefore.free())
                                .as("seats that became free")
                                .isEqualTo(owned);
                    }
                }
                case Tick tick -> {
                    List<SeatHold> expired = desk.tick(Duration.ofMinutes(tick.minutes()), tick.limit());
                    for (SeatHold hold : expired) {
                        assertThat(before.get(hold.bookingId())).isEqualTo(HoldStatus.HELD);
                        assertThat(hold.expiresAt()).isBeforeOrEqualTo(desk.now);
                        assertThat(hold.status()).isEqualTo(HoldStatus.EXPIRED);
                    }
                    assertThat(desk.session.seats().free() - seatsBefore.free())
                            .as("seats that became free")
                            .isEqualTo(
                                    expired.stream().mapToInt(SeatHold::seats).sum());
                }
            }
            assertSeatsAddUp(desk);
            assertOnlyAllowedMoves(before, desk.statuses());
        }
    }

    /** Independent of the {@link Seats} record's own check: the counts must match the holds. */
    private static void assertSeatsAddUp(Desk desk) {
        Seats seats = desk.session.seats();
        int heldByHolds = desk.seatsOfHoldsIn(HoldStatus.HELD) + desk.openOfferSeats();
        int soldByHolds = desk.seatsOfHoldsIn(HoldStatus.SOLD);

        assertThat(seats.free()).as("free").isNotNegative();
        assertThat(seats.held()).as("held").isNotNegative();
        assertThat(seats.sold()).as("sold").isNotNegative();
        assertThat(seats.free() + seats.held() + seats.sold())
                .as("free + held + sold == capacity")
                .isEqualTo(desk.capacity);
        assertThat(seats.held())
                .as("held == seats of HELD holds and open offers")
                .isEqualTo(heldByHolds);
        assertThat(seats.sold()).as("sold == seats of SOLD holds").isEqualTo(soldByHolds);
        assertThat(seats.free()).as("free == the rest").isEqualTo(desk.capacity - heldByHolds - soldByHolds);
    }

    private static void assertOnlyAllowedMoves(Map<UUID, HoldStatus> before, Map<UUID, HoldStatus> after) {
        assertThat(after.keySet()).containsAll(before.keySet());
        after.forEach((bookingId, now) -> {
            HoldStatus was = before.get(bookingId);
            if (was == null) {
                assertThat(now).as("a new hold").isIn(HoldStatus.HELD, HoldStatus.REFUSED);
            } else {
                assertThat(ALLOWED.get(was))
                        .as("hold of %s may not go from %s to %s", bookingId, was, now)
                        .contains(now);
            }
        });
    }

    /** One booking's saga: its hold, its confirmation and maybe a release, hold and confirmation maybe redelivered. */
    record Booking(int seats, int minutes, int holds, int confirms, int releases) {}

    @Provide
    Arbitrary<List<Step>> shuffledSagas() {
        Arbitrary<Booking> booking = Combinators.combine(
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.integers().between(5, 30),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(0, 1))
                .as(Booking::new);
        Arbitrary<List<Tick>> ticks = Combinators.combine(
                        Arbitraries.integers().between(1, 20),
                        Arbitraries.integers().between(1, 5))
                .as(Tick::new)
                .list()
                .ofMaxSize(2);
        return Combinators.combine(booking.list().ofMinSize(2).ofMaxSize(12), ticks)
                .as(SeatInvariantPropertyTest::commands)
                .flatMap(Arbitraries::shuffle);
    }

    private static List<Step> commands(List<Booking> bookings, List<Tick> ticks) {
        List<Step> commands = new ArrayList<>(ticks);
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            for (int n = 0; n < booking.holds(); n++) {
                commands.add(new Hold(i, booking.seats(), booking.minutes()));
            }
            for (int n = 0; n < booking.confirms(); n++) {
                commands.add(new Confirm(i));
            }
            for (int n = 0; n < booking.releases(); n++) {
                commands.add(new Release(i, n % 2 == 0));
            }
        }
        return commands;
    }

    @Property(tries = 1000)
    void noMoreSeatsAreSoldThanTheSessionHasWhateverOrderTheCommandsArriveIn(
            @ForAll @IntRange(min = 1, max = 12) int capacity, @ForAll("shuffledSagas") List<Step> steps) {
        Desk desk = new Desk(capacity);
        Map<UUID, Integer> heldSeats = new HashMap<>();
        Set<UUID> soldBookings = new HashSet<>();

        for (Step step : steps) {
            switch (step) {
                case Hold hold -> {
                    UUID bookingId = bookingId(hold.booking());
                    if (desk.hold(bookingId, hold.seats(), Duration.ofMinutes(hold.minutes()))
                                    .orElse(null)
                            instanceof SeatDecision.Held held) {
                        assertThat(heldSeats.put(bookingId, held.hold().seats()))
                                .as("held once")
                                .isNull();
                    }
                }
                case Confirm confirm -> {
                    UUID bookingId = bookingId(confirm.booking());
                    if (desk.confirm(bookingId).orElse(null) instanceof SeatDecision.Sold) {
                        assertThat(heldSeats).as("sold after being held").containsKey(bookingId);
                        soldBookings.add(bookingId);
                    }
                }
                case Release release -> {
                    UUID bookingId = bookingId(release.booking());
                    if (desk.release(bookingId, "guest cancelled").isPresent()) {
                        soldBookings.remove(bookingId);
                    }
                }
                case Tick tick -> desk.tick(Duration.ofMinutes(tick.minutes()), tick.limit());
            }
            int soldByDecisions = soldBookings.stream().mapToInt(heldSeats::get).sum();
            assertThat(soldByDecisions)
                    .as("seats of bookings told they are sold")
                    .isLessThanOrEqualTo(capacity);
            assertThat(desk.session.seats().sold())
                    .as("session's sold seats")
                    .isLessThanOrEqualTo(capacity)
                    .isEqualTo(soldByDecisions);
        }
    }

    /** Steps of a session's whole life: the saga's seat commands plus waitlist offers and a cancellation. */
    sealed interface LifeStep {}

    /** One of the saga's seat steps above. */
    record Seat(Step step) implements LifeStep {}

    /** Seats freed up for the waitlist: an offer holds {@code seats} for a guest (no booking yet). */
    record MakeOffer(int seats) implements LifeStep {}

    /** The guest of offer number {@code offer} books with it: its held seats become the booking's hold. */
    record AcceptOffer(int offer, int booking) implements LifeStep {}

    /** Offer number {@code offer} runs out or is withdrawn: its seats are free again. */
    record DropOffer(int offer) implements LifeStep {}

    /** The host cancels the session. */
    record Cancel() implements LifeStep {}

    @Provide
    Arbitrary<LifeStep> lifeSteps() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 4);
        return Arbitraries.frequencyOf(
                Tuple.of(8, steps().map(Seat::new)),
                Tuple.of(3, Arbitraries.integers().between(1, 6).map(MakeOffer::new)),
                Tuple.of(
                        3,
                        Combinators.combine(index, Arbitraries.integers().between(0, BOOKINGS - 1))
                                .as(AcceptOffer::new)),
                Tuple.of(2, index.map(DropOffer::new)),
                Tuple.of(1, Arbitraries.just(new Cancel())));
    }

    @Property(tries = 1000)
    void waitlistOffersAndCancellationKeepEverySeatAccountedFor(
            @ForAll @IntRange(min = 1, max = 20) int capacity,
            @ForAll @Size(min = 10, max = 50) List<@From("lifeSteps") LifeStep> steps) {
        Desk desk = new Desk(capacity);

        for (LifeStep step : steps) {
            Map<UUID, HoldStatus> before = desk.statuses();
            Seats seatsBefore = desk.session.seats();
            SessionStatus statusBefore = desk.session.status();
            switch (step) {
                case Seat seat -> {
                    switch (seat.step()) {
                        case Hold hold ->
                            desk.hold(bookingId(hold.booking()), hold.seats(), Duration.ofMinutes(hold.minutes()));
                        case Confirm confirm -> desk.confirm(bookingId(confirm.booking()));
                        case Release release -> desk.release(bookingId(release.booking()), "guest cancelled");
                        case Tick tick -> desk.tick(Duration.ofMinutes(tick.minutes()), tick.limit());
                    }
                }
                case MakeOffer offer -> {
                    boolean made = desk.makeOffer(offer.seats());
                    assertThat(made)
                            .as("an offer is made exactly when the session is open and the seats are free")
                            .isEqualTo(statusBefore == SessionStatus.PUBLISHED && offer.seats() <= seatsBefore.free());
                    if (!made) {
                        assertThat(desk.session.seats()).isEqualTo(seatsBefore);
                    }
                }
                case AcceptOffer accept -> {
                    Optional<SeatDecision> decision = desk.acceptOffer(accept.offer(), bookingId(accept.booking()));
                    decision.ifPresent(d -> assertThat(desk.session.seats())
                            .as("accepting an offer moves no seat: they are held already")
                            .isEqualTo(seatsBefore));
                    if (statusBefore == SessionStatus.CANCELLED) {
                        decision.ifPresent(d -> assertThat(d).isInstanceOf(SeatDecision.Refused.class));
                    }
                }
                case DropOffer drop -> {
                    int dropped = desk.dropOffer(drop.offer());
                    assertThat(desk.session.seats().free() - seatsBefore.free()).isEqualTo(dropped);
                }
                case Cancel cancel -> {
                    desk.cancel();
                    assertThat(desk.session.status()).isEqualTo(SessionStatus.CANCELLED);
                    assertThat(desk.seatsOfHoldsIn(HoldStatus.HELD))
                            .as("nothing held after a cancellation")
                            .isZero();
                    assertThat(desk.openOfferSeats())
                            .as("no open offer after a cancellation")
                            .isZero();
                    assertThat(desk.session.seats().sold())
                            .as("sold seats stay sold")
                            .isEqualTo(seatsBefore.sold());
                }
            }
            if (statusBefore == SessionStatus.CANCELLED) {
                assertThat(desk.session.seats().sold())
                        .as("a cancelled session sells nothing")
                        .isLessThanOrEqualTo(seatsBefore.sold());
                assertThat(desk.session.seats().held())
                        .as("a cancelled session holds nothing")
                        .isZero();
            }
            assertSeatsAddUp(desk);
            assertOnlyAllowedMoves(before, desk.statuses());
        }
    }

    static UUID bookingId(int index) {
        return new UUID(0xB00C, index + 1L);
    }

    /**
     * Drives one session the way {@code SeatCommands} does: a booking's earlier hold is looked up
     * first, refused holds are kept too, and the expiry sweep only sees holds still HELD after expiry.
     */
    static final class Desk {

        final int capacity;
        final ViewingSession session;
        final Map<UUID, SeatHold> holds = new LinkedHashMap<>();
        Instant now = START;

        Desk(int capacity) {
            this.capacity = capacity;
            this.session = ViewingSessionTest.sessionWithSeats(capacity);
        }

        /** Empty when the booking already has a hold (the command is answered from it). */
        Optional<SeatDecision> hold(UUID bookingId, int seats, Duration holdFor) {
            if (holds.containsKey(bookingId)) {
                return Optional.empty();
            }
            SeatDecision decision = session.hold(bookingId, seats, now.plus(holdFor), now);
            switch (decision) {
                case SeatDecision.Held held -> holds.put(bookingId, held.hold());
                case SeatDecision.Refused refused -> holds.put(bookingId, refused.hold());
                default -> throw new AssertionError("hold decided " + decision);
            }
            return Optional.of(decision);
        }

        /** Empty when the booking has no hold. */
        Optional<SeatDecision> confirm(UUID bookingId) {
            return Optional.ofNullable(holds.get(bookingId)).map(hold -> session.sell(hold, now));
        }

        /** Empty when the booking has no hold. */
        Optional<SeatDecision> release(UUID bookingId, String why) {
            return Optional.ofNullable(holds.get(bookingId)).map(hold -> session.release(hold, why, now));
        }

        /** Lets time pass, then expires up to {@code limit} holds that ran out, oldest first. */
        List<SeatHold> tick(Duration passing, int limit) {
            now = now.plus(passing);
            List<SeatHold> due = holds.values().stream()
                    .filter(hold -> hold.isExpiredAt(now))
                    .sorted(Comparator.comparing(SeatHold::expiresAt))
                    .limit(limit)
                    .toList();
            for (SeatHold hold : due) {
                assertThat(session.expire(hold, now)).as("a due hold expires").isTrue();
            }
            return due;
        }

        /** Seats of each waitlist offer made, and whether it is still open. */
        final List<int[]> offers = new ArrayList<>();

        boolean makeOffer(int seats) {
            if (!session.holdForOffer(seats)) {
                return false;
            }
            offers.add(new int[] {seats, 1});
            return true;
        }

        /** As {@code WaitlistOffers.acceptOffer}: empty when there is no such open offer or the booking has a hold. */
        Optional<SeatDecision> acceptOffer(int index, UUID bookingId) {
            if (index >= offers.size() || offers.get(index)[1] == 0 || holds.containsKey(bookingId)) {
                return Optional.empty();
            }
            int seats = offers.get(index)[0];
            SeatDecision decision;
            if (session.status() == SessionStatus.CANCELLED) {
                decision = session.refuse(bookingId, seats, ViewingSession.CANCELLED_REASON, now);
                holds.put(bookingId, ((SeatDecision.Refused) decision).hold());
            } else {
                offers.get(index)[1] = 0;
                decision = session.holdFromOffer(bookingId, seats, now.plus(Duration.ofMinutes(10)), now);
                holds.put(bookingId, ((SeatDecision.Held) decision).hold());
            }
            return Optional.of(decision);
        }

        /** @return the seats freed */
        int dropOffer(int index) {
            if (index >= offers.size() || offers.get(index)[1] == 0) {
                return 0;
            }
            offers.get(index)[1] = 0;
            session.releaseOfferSeats(offers.get(index)[0]);
            return offers.get(index)[0];
        }

        /** As {@code CancelSession}: held seats and open offers go back, sold seats stay. */
        void cancel() {
            if (!(session.cancel() instanceof LifecycleDecision.Changed)) {
                return;
            }
            holds.values().stream()
                    .filter(hold -> hold.status() == HoldStatus.HELD)
                    .forEach(hold -> session.release(hold, ViewingSession.CANCELLED_REASON, now));
            for (int i = 0; i < offers.size(); i++) {
                dropOffer(i);
            }
        }

        int openOfferSeats() {
            return offers.stream()
                    .filter(offer -> offer[1] == 1)
                    .mapToInt(offer -> offer[0])
                    .sum();
        }

        Map<UUID, HoldStatus> statuses() {
            Map<UUID, HoldStatus> statuses = new HashMap<>();
            holds.forEach((bookingId, hold) -> statuses.put(bookingId, hold.status()));
            return statuses;
        }

        int seatsOfHoldsIn(HoldStatus status) {
            return holds.values().stream()
                    .filter(hold -> hold.status() == status)
                    .mapToInt(SeatHold::seats)
                    .sum();
        }
    }
}
