package dev.couchannel.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.booking.checkout.BookingSaga;
import dev.couchannel.booking.checkout.CancellationSaga;
import dev.couchannel.booking.checkout.SagaAction;
import dev.couchannel.booking.checkout.SagaReply;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Cancellation;
import dev.couchannel.booking.reservation.RefundPolicy;
import dev.couchannel.inventory.seating.HoldStatus;
import dev.couchannel.inventory.seating.SeatDecision;
import dev.couchannel.inventory.seating.SeatHold;
import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.payment.intent.AuthorizationOutcome;
import dev.couchannel.payment.intent.CaptureOutcome;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.ledger.PlatformFee;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The booking and cancellation sagas against the real domain of inventory (seats and holds) and
 * payment (intents), over a simulated broker that delivers in any order it legally may: per
 * participant and key in order (as Kafka does per partition), across them in any interleaving.
 * Guests book and cancel, holds expire and steps time out at random. Whatever happens, a session's
 * seats always add up, and once everything has settled: no seat is sold or held without a
 * confirmed booking, no guest is charged twice or for a booking that did not stand, and every
 * cancelled booking got exactly its refund back.
 */
class SagaInterleavingPropertyTest {

    static final int CAPACITY = 6;
    static final int BOOKINGS = 6;
    static final String PRICE = "10.00";
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    sealed interface Step {}

    /** Guest {@code booking} books {@code seats}; its card declines, compliance refuses, as given. */
    record Book(int booking, int seats, boolean cardDeclines, boolean complianceRefuses) implements Step {}

    /** The broker delivers the next message of one of the non-empty queues. */
    record Deliver(int queue) implements Step {}

    /** Time passes; deadlines fire and the hold expiry sweep runs. */
    record Tick(int seconds) implements Step {}

    /** The guest cancels, under a flexible (full refund) or strict (nothing back) policy. */
    record Cancel(int booking, boolean flexible) implements Step {}

    /** A quiet moment: the broker delivers everything in flight, in its chosen order, before time moves. */
    record CatchUp(int order) implements Step {}

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> book = net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, BOOKINGS - 1),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.of(true, false, false, false, false, false),
                        Arbitraries.of(true, false, false, false, false, false, false, false))
                .as(Book::new);
        Arbitrary<Step> deliver = Arbitraries.integers().between(0, 20).map(Deliver::new);
        Arbitrary<Step> moment = Arbitraries.integers().between(1, 10).map(Tick::new);
        Arbitrary<Step> stepTimeout = Arbitraries.integers().between(25, 60).map(Tick::new);
        Arbitrary<Step> holdExpiry = Arbitraries.integers().between(60, 120).map(Tick::new);
        Arbitrary<Step> cancel = net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, BOOKINGS - 1), Arbitraries.of(true, false))
                .as(Cancel::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, book),
                        Tuple.of(40, deliver),
                        Tuple.of(6, moment),
                        Tuple.of(1, stepTimeout),
                        Tuple.of(1, holdExpiry),
                        Tuple.of(5, cancel),
                        Tuple.of(2, Arbitraries.integers().between(0, 20).map(CatchUp::new)))
                .list()
                .ofMinSize(10)
                .ofMaxSize(250);
    }

    @Property(tries = 1000)
    void seatsAddUpAndNobodyIsChargedTwice(
            @ForAll("scenarios") List<Step> steps, @ForAll @IntRange(min = 10, max = 150) int holdSeconds) {
        World world = new World(new BookingSaga.Timeouts(STEP_TIMEOUT, Duration.ofSeconds(holdSeconds)));
        for (Step step : steps) {
            world.apply(step);
            world.assertSeatsAddUp();
        }
        world.settle();
        world.assertSettled();
        world.bookings.values().forEach(booking -> Statistics.label("outcome").collect(booking.status()));
        world.sagas.values().forEach(saga -> Statistics.label("rejected because")
                .collect(saga.failure() == null ? "-" : saga.failure()));
    }

    /** Everything the test plays: guests, the broker, inventory, pricing, compliance and payment. */
    static final class World {

        final UUID sessionId = UUID.randomUUID();
        final ViewingSession session = ViewingSession.publish(
                sessionId,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "host@example.com",
                CAPACITY,
                dev.couchannel.inventory.seating.Money.of(PRICE, "EUR"),
                dev.couchannel.inventory.seating.RefundPolicy.FLEXIBLE,
                "");
        final Instant kickoff = Instant.parse("2026-12-24T18:00:00Z");
        Instant now = Instant.parse("2026-11-21T18:00:00Z");

        final UUID[] ids = new UUID[BOOKINGS];
        final Map<UUID, Book> orders = new LinkedHashMap<>();
        final Map<UUID, Booking> bookings = new LinkedHashMap<>();
        final Map<UUID, BookingSaga> sagas = new LinkedHashMap<>();
        final Map<UUID, CancellationSaga> cancellations = new LinkedHashMap<>();
        final Map<UUID, SeatHold> holds = new LinkedHashMap<>();
        final Map<UUID, PaymentIntent> intents = new LinkedHashMap<>();

        /** Inventory's commands are keyed by session: one queue. The others are keyed by booking. */
        final Deque<SagaAction> inventory = new ArrayDeque<>();

        final Map<UUID, Deque<SagaAction>> pricing = new LinkedHashMap<>();
        final Map<UUID, Deque<SagaAction>> compliance = new LinkedHashMap<>();
        final Map<UUID, Deque<SagaAction>> payment = new LinkedHashMap<>();
        final Map<UUID, Deque<SagaReply>> replies = new LinkedHashMap<>();

        final BookingSaga.Timeouts timeouts;

        World(BookingSaga.Timeouts timeouts) {
            this.timeouts = timeouts;
            for (int i = 0; i < BOOKINGS; i++) {
                ids[i] = UUID.randomUUID();
            }
        }

        void apply(Step step) {
            switch (step) {
                case Book book -> book(book);
                case Deliver deliver -> deliver(deliver.queue());
                case Tick tick -> tick(Duration.ofSeconds(tick.seconds()));
                case Cancel cancel -> cancel(ids[cancel.booking()], cancel.flexible());
                case CatchUp catchUp -> {
                    while (hasMessages()) {
                        deliver(catchUp.order());
                    }
                }
            }
        }

        // --- guests and the booking service ---

        void book(Book book) {
            UUID id = ids[book.booking()];
            if (bookings.containsKey(id)) {
                return; // one booking per guest slot; a retry with the same key would replay it
            }
            orders.put(id, book);
            Booking booking =
                    Booking.request(id, "guest-" + book.booking(), sessionId, book.seats(), "pm", null, null, now);
            bookings.put(id, booking);
            BookingSaga.Started started = BookingSaga.start(
                    new BookingSaga.Order(id, sessionId, book.seats(), booking.guestId(), "pm", null, null),
                    now,
                    timeouts);
            sagas.put(id, started.saga());
            carryOut(started.actions());
        }

        void cancel(UUID id, boolean flexible) {
            Booking booking = bookings.get(id);
            if (booking == null || booking.status() != BookingStatus.CONFIRMED) {
                return;
            }
            Cancellation terms =
                    Cancellation.byGuest(booking, flexible ? RefundPolicy.FLEXIBLE : RefundPolicy.STRICT, kickoff, now);
            booking.cancel(terms, now).orElseThrow();
            CancellationSaga.Started started = CancellationSaga.start(
                    new CancellationSaga.Order(id, sessionId, terms.refund(), terms.hostPenalty(), terms.reason()),
                    now,
                    timeouts.stepTimeout());
            cancellations.put(id, started.saga());
            carryOut(started.actions());
        }

        /** Routes a reply as SagaCoordinator does, by the same {@link SagaReply#route}. */
        void onReply(UUID id, SagaReply reply) {
            CancellationSaga cancellation = cancellations.get(id);
            switch (SagaReply.route(
                    reply,
                    () -> cancellation != null,
                    () -> cancellation != null && cancellation.state() == CancellationSaga.State.RUNNING)) {
                case SETTLE_FAILED_REFUND ->
                    carryOut(List.of(new SagaAction.SettleFailedRefund(
                            id, ((SagaReply.PaymentRefundResolved) reply).reference())));
                case CANCELLATION -> {
                    if (cancellation != null) {
                        carryOut(cancellation.on(reply, now));
                    }
                }
                case BOOKING -> carryOut(sagas.get(id).on(reply, now, timeouts));
            }
        }

        /** As SagaActions does: commands to their queues, decisions to the booking. */
        void carryOut(List<SagaAction> actions) {
            for (SagaAction action : actions) {
                switch (action) {
                    case SagaAction.HoldSeats a -> inventory.add(a);
                    case SagaAction.ConfirmSeats a -> inventory.add(a);
                    case SagaAction.ReleaseSeats a -> inventory.add(a);
                    case SagaAction.ConfirmQuote a ->
                        queue(pricing, a.bookingId()).add(a);
                    case SagaAction.ReleaseQuote a ->
                        queue(pricing, a.bookingId()).add(a);
                    case SagaAction.CheckBooking a ->
                        queue(compliance, a.bookingId()).add(a);
                    case SagaAction.AuthorizePayment a ->
                        queue(payment, a.bookingId()).add(a);
                    case SagaAction.CapturePayment a ->
                        queue(payment, a.bookingId()).add(a);
                    case SagaAction.VoidPayment a ->
                        queue(payment, a.bookingId()).add(a);
                    case SagaAction.RefundPayment a ->
                        queue(payment, a.bookingId()).add(a);
                    case SagaAction.PriceBooking a ->
                        bookings.get(a.bookingId()).price(a.total(), now);
                    case SagaAction.ConfirmBooking a ->
                        bookings.get(a.bookingId()).confirm(now);
                    case SagaAction.RejectBooking a ->
                        bookings.get(a.bookingId()).reject(a.reason(), now);
                    case SagaAction.SettleRefund a ->
                        bookings.get(a.bookingId()).settleRefund(now);
                    case SagaAction.FailRefund a -> bookings.get(a.bookingId()).failRefund(now);
                    case SagaAction.SettleFailedRefund a ->
                        bookings.get(a.bookingId()).settleFailedRefund(now);
                }
            }
        }

        // --- the broker ---

        void deliver(int choice) {
            List<Runnable> ready = new ArrayList<>();
            if (!inventory.isEmpty()) {
                ready.add(() -> inventory(inventory.poll()));
            }
            pricing.values().stream().filter(q -> !q.isEmpty()).forEach(q -> ready.add(() -> pricing(q.poll())));
            compliance.values().stream().filter(q -> !q.isEmpty()).forEach(q -> ready.add(() -> compliance(q.poll())));
            payment.values().stream().filter(q -> !q.isEmpty()).forEach(q -> ready.add(() -> payment(q.poll())));
            replies.forEach((id, q) -> {
                if (!q.isEmpty()) {
                    ready.add(() -> onReply(id, q.poll()));
                }
            });
            if (!ready.isEmpty()) {
                ready.get(choice % ready.size()).run();
            }
        }

        void tick(Duration passing) {
            now = now.plus(passing);
            sagas.values().forEach(saga -> carryOut(saga.onDeadline(now, timeouts)));
            cancellations.values().forEach(saga -> carryOut(saga.onDeadline(now, timeouts.stepTimeout())));
            holds.values().stream().filter(hold -> hold.isExpiredAt(now)).forEach(hold -> session.expire(hold, now));
        }

        void reply(UUID id, SagaReply reply) {
            queue(replies, id).add(reply);
        }

        static <T> Deque<T> queue(Map<UUID, Deque<T>> queues, UUID id) {
            return queues.computeIfAbsent(id, key -> new ArrayDeque<>());
        }

        // --- participants, each idempotent per booking like the real handlers ---

        void inventory(SagaAction command) {
            switch (command) {
                case SagaAction.HoldSeats hold -> {
                    SeatHold earlier = holds.get(hold.bookingId());
                    if (earlier != null) {
                        boolean stands = earlier.status() == HoldStatus.HELD || earlier.status() == HoldStatus.SOLD;
                        reply(
                                hold.bookingId(),
                                stands
                                        ? new SagaReply.SeatsHeld(earlier.expiresAt(), session.hostId())
                                        : new SagaReply.SeatsUnavailable("no longer reserved"));
                        return;
                    }
                    switch (session.hold(hold.bookingId(), hold.seats(), hold.holdUntil(), now)) {
                        case SeatDecision.Held held -> {
                            holds.put(hold.bookingId(), held.hold());
                            reply(hold.bookingId(), new SagaReply.SeatsHeld(hold.holdUntil(), session.hostId()));
                        }
                        case SeatDecision.Refused refused -> {
                            holds.put(hold.bookingId(), refused.hold());
                            reply(hold.bookingId(), new SagaReply.SeatsUnavailable(refused.reason()));
                        }
                        default -> throw new IllegalStateException();
                    }
                }
                case SagaAction.ConfirmSeats confirm -> {
                    SeatHold hold = holds.get(confirm.bookingId());
                    SagaReply answer = hold == null
                            ? new SagaReply.SeatsConfirmationFailed("not reserved")
                            : switch (session.sell(hold, now)) {
                                case SeatDecision.Sold sold -> new SagaReply.SeatsConfirmed();
                                case SeatDecision.NotSold notSold ->
                                    new SagaReply.SeatsConfirmationFailed(notSold.reason());
                                default -> throw new IllegalStateException();
                            };
                    reply(confirm.bookingId(), answer);
                }
                case SagaAction.ReleaseSeats release -> {
                    SeatHold hold = holds.get(release.bookingId());
                    if (hold != null) {
                        session.release(hold, release.reason(), now);
                    }
                    reply(release.bookingId(), new SagaReply.SeatsReleased());
                }
                default -> throw new IllegalStateException("inventory got " + command);
            }
        }

        void pricing(SagaAction command) {
            switch (command) {
                case SagaAction.ConfirmQuote quote ->
                    reply(
                            quote.bookingId(),
                            new SagaReply.QuoteConfirmed(dev.couchannel.booking.reservation.Money.of(PRICE, "EUR")
                                    .times(quote.seats())));
                case SagaAction.ReleaseQuote release -> reply(release.bookingId(), new SagaReply.QuoteReleased());
                default -> throw new IllegalStateException("pricing got " + command);
            }
        }

        void compliance(SagaAction command) {
            SagaAction.CheckBooking check = (SagaAction.CheckBooking) command;
            reply(
                    check.bookingId(),
                    orders.get(check.bookingId()).complianceRefuses()
                            ? new SagaReply.BookingRefused("attendee cap")
                            : new SagaReply.BookingAllowed());
        }

        void payment(SagaAction command) {
            switch (command) {
                case SagaAction.AuthorizePayment authorize -> {
                    PaymentIntent intent = intents.computeIfAbsent(
                            authorize.bookingId(),
                            id -> PaymentIntent.request(
                                    id,
                                    UUID.randomUUID(),
                                    authorize.guestId(),
                                    authorize.hostId(),
                                    authorize.sessionId().toString(),
                                    money(authorize.amount()),
                                    authorize.paymentMethod(),
                                    now));
                    if (orders.get(authorize.bookingId()).cardDeclines()) {
                        intent.decline("card_declined", "Your card was declined.", now);
                    } else {
                        intent.authorize("ref-" + authorize.bookingId(), now);
                    }
                    reply(
                            authorize.bookingId(),
                            switch (intent.authorization()) {
                                case AuthorizationOutcome.Authorized ok -> new SagaReply.PaymentAuthorized();
                                case AuthorizationOutcome.Declined no -> new SagaReply.PaymentDeclined(no.reason());
                                case AuthorizationOutcome.Pending pending -> throw new IllegalStateException();
                            });
                }
                case SagaAction.CapturePayment capture -> {
                    PaymentIntent intent = intents.get(capture.bookingId());
                    SagaReply answer = intent == null
                            ? new SagaReply.PaymentCaptureFailed("not authorized")
                            : switch (intent.capture(PlatformFee.percent("10"), now)) {
                                case CaptureOutcome.Captured captured -> new SagaReply.PaymentCaptured();
                                case CaptureOutcome.NotCaptured not -> new SagaReply.PaymentCaptureFailed(not.reason());
                            };
                    reply(capture.bookingId(), answer);
                }
                case SagaAction.VoidPayment voidPayment -> {
                    PaymentIntent intent = intents.get(voidPayment.bookingId());
                    if (intent != null) {
                        intent.voidPayment(voidPayment.reason(), now);
                    }
                    reply(voidPayment.bookingId(), new SagaReply.PaymentVoided());
                }
                case SagaAction.RefundPayment refund -> {
                    PaymentIntent intent = intents.get(refund.bookingId());
                    if (intent != null) {
                        intent.refund(money(refund.amount()), refund.reason(), now);
                    }
                    reply(refund.bookingId(), new SagaReply.PaymentRefunded());
                }
                default -> throw new IllegalStateException("payment got " + command);
            }
        }

        static dev.couchannel.payment.ledger.Money money(dev.couchannel.booking.reservation.Money money) {
            return dev.couchannel.payment.ledger.Money.of(
                    money.amount().toPlainString(), money.currency().getCurrencyCode());
        }

        // --- settling and the properties ---

        /** The broker delivers everything and time runs on until no saga waits for anything. */
        void settle() {
            for (int round = 0; round < 200 && !quiet(); round++) {
                while (hasMessages()) {
                    deliver(0);
                }
                tick(Duration.ofMinutes(11));
            }
            assertThat(quiet()).as("the sagas settle").isTrue();
        }

        boolean hasMessages() {
            return !inventory.isEmpty()
                    || pricing.values().stream().anyMatch(q -> !q.isEmpty())
                    || compliance.values().stream().anyMatch(q -> !q.isEmpty())
                    || payment.values().stream().anyMatch(q -> !q.isEmpty())
                    || replies.values().stream().anyMatch(q -> !q.isEmpty());
        }

        boolean quiet() {
            return !hasMessages()
                    && sagas.values().stream()
                            .allMatch(saga -> saga.state() == BookingSaga.State.COMPLETED
                                    || saga.state() == BookingSaga.State.FAILED)
                    && cancellations.values().stream()
                            .allMatch(saga -> saga.state() == CancellationSaga.State.COMPLETED);
        }

        void assertSeatsAddUp() {
            Seats seats = session.seats();
            assertThat(seats.free() + seats.held() + seats.sold()).isEqualTo(CAPACITY);
            assertThat(seats.free()).isNotNegative();
            assertThat(seats.held()).isNotNegative();
            assertThat(seats.sold()).isNotNegative();
            int heldOrSold = holds.values().stream()
                    .filter(hold -> hold.status() == HoldStatus.HELD || hold.status() == HoldStatus.SOLD)
                    .mapToInt(SeatHold::seats)
                    .sum();
            assertThat(seats.held() + seats.sold()).isEqualTo(heldOrSold);
        }

        void assertSettled() {
            assertSeatsAddUp();
            assertThat(session.seats().held()).as("nothing stays held").isZero();
            int confirmedSeats = 0;
            for (Booking booking : bookings.values()) {
                UUID id = booking.id();
                SeatHold hold = holds.get(id);
                PaymentIntent intent = intents.get(id);
                BigDecimal charged = intent == null ? BigDecimal.ZERO : net(intent);
                switch (booking.status()) {
                    case CONFIRMED -> {
                        confirmedSeats += booking.seats();
                        assertThat(hold.status())
                                .as("a confirmed booking's seats are sold")
                                .isEqualTo(HoldStatus.SOLD);
                        assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
                        assertThat(charged).isEqualByComparingTo(booking.total().amount());
                    }
                    case REJECTED -> {
                        assertThat(hold == null || hold.status() != HoldStatus.SOLD)
                                .as("a rejected booking sells nothing")
                                .isTrue();
                        assertThat(charged)
                                .as("a rejected booking charges nothing")
                                .isZero();
                        assertThat(intent == null
                                        || intent.status() == PaymentStatus.DECLINED
                                        || intent.status() == PaymentStatus.VOIDED
                                        || intent.status() == PaymentStatus.REFUNDED)
                                .as("a rejected booking leaves no authorization on the card")
                                .isTrue();
                    }
                    case CANCELLED -> {
                        assertThat(hold.status()).isEqualTo(HoldStatus.RELEASED);
                        assertThat(booking.refundSettledAt()).isNotNull();
                        Cancellation terms = booking.cancellation().orElseThrow();
                        assertThat(charged)
                                .as("a cancelled booking keeps exactly what the policy does not refund")
                                .isEqualByComparingTo(booking.total()
                                        .amount()
                                        .subtract(terms.refund().amount()));
                    }
                    case PENDING -> throw new AssertionError("booking " + id + " never decided");
                }
            }
            assertThat(session.seats().sold())
                    .as("sold seats belong to confirmed bookings")
                    .isEqualTo(confirmedSeats);
            for (PaymentIntent intent : intents.values()) {
                assertThat(net(intent))
                        .as("never more than the price")
                        .isLessThanOrEqualTo(intent.amount().amount());
                assertThat(net(intent)).isNotNegative();
            }
        }

        /** What the guest is out of pocket: captured less refunded. */
        static BigDecimal net(PaymentIntent intent) {
            BigDecimal captured =
                    intent.captured().map(split -> split.total().amount()).orElse(BigDecimal.ZERO);
            return captured.subtract(intent.refunded().total().amount());
        }
    }
}
