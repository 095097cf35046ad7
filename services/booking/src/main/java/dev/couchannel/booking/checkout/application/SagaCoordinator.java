package dev.couchannel.booking.checkout.application;

import com.google.protobuf.Message;
import dev.couchannel.booking.checkout.BookingSaga;
import dev.couchannel.booking.checkout.BookingSagas;
import dev.couchannel.booking.checkout.SagaAction;
import dev.couchannel.booking.checkout.SagaReply;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingEvent;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Money;
import dev.couchannel.booking.reservation.application.BookingEvents;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.compliance.v1.CheckBooking;
import dev.couchannel.contracts.inventory.v1.ConfirmSeats;
import dev.couchannel.contracts.inventory.v1.HoldSeats;
import dev.couchannel.contracts.inventory.v1.ReleaseSeats;
import dev.couchannel.contracts.payment.v1.AuthorizePayment;
import dev.couchannel.contracts.payment.v1.CapturePayment;
import dev.couchannel.contracts.payment.v1.RefundPayment;
import dev.couchannel.contracts.payment.v1.VoidPayment;
import dev.couchannel.contracts.pricing.v1.ConfirmQuote;
import dev.couchannel.contracts.pricing.v1.ReleaseQuote;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs {@link BookingSaga}s: persists their state and carries out their actions (commands through
 * the outbox, booking decisions) in the transaction that received the reply or noticed the
 * deadline. Nothing is sent unless the new saga state commits with it.
 */
@Service
public class SagaCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);
    private static final String SOURCE = "booking";

    private final BookingSagas sagas;
    private final Bookings bookings;
    private final BookingEvents events;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final BookingSaga.Timeouts timeouts;

    public SagaCoordinator(
            BookingSagas sagas,
            Bookings bookings,
            BookingEvents events,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters,
            @Value("${couchannel.saga.step-timeout:30s}") Duration stepTimeout,
            @Value("${couchannel.saga.hold-duration:10m}") Duration holdDuration) {
        this.sagas = sagas;
        this.bookings = bookings;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.timeouts = new BookingSaga.Timeouts(stepTimeout, holdDuration);
    }

    /** Starts the saga of a new booking, in the transaction that stores the booking. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(Booking booking) {
        BookingSaga.Started started = BookingSaga.start(
                new BookingSaga.Order(
                        booking.id(),
                        booking.sessionId(),
                        booking.seats(),
                        booking.guestId(),
                        booking.paymentMethod(),
                        booking.quoteId()),
                clock.instant(),
                timeouts);
        sagas.add(started.saga());
        carryOut(started.saga(), started.actions());
    }

    /**
     * Cancels a confirmed booking: the seats go back to inventory and, when the policy refunds
     * anything, the money to the guest, all with the booking's new state in one transaction.
     *
     * @return the cancelled booking; empty when it was not confirmed
     */
    @Transactional
    public Optional<Booking> cancel(UUID bookingId, Function<Booking, Money> refundOf, String reason) {
        Booking booking = bookings.lock(bookingId).orElseThrow();
        Money refund = refundOf.apply(booking);
        Optional<BookingEvent> cancelled = booking.cancel(refund, clock.instant());
        if (cancelled.isEmpty()) {
            return Optional.empty();
        }
        bookings.save(booking);
        events.publish(cancelled.get());
        BookingSaga saga = sagas.lock(bookingId).orElseThrow();
        List<SagaAction> actions = new ArrayList<>();
        actions.add(new SagaAction.ReleaseSeats(bookingId, booking.sessionId(), reason));
        if (refund.amount().signum() > 0) {
            actions.add(new SagaAction.RefundPayment(bookingId, refund, reason));
        }
        carryOut(saga, actions);
        return Optional.of(booking);
    }

    /** Applies a participant's reply, in the inbox transaction that received it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onReply(UUID bookingId, SagaReply reply) {
        BookingSaga saga = sagas.lock(bookingId).orElse(null);
        if (saga == null) {
            log.warn("reply {} for unknown booking {} ignored", reply, bookingId);
            return;
        }
        Instant now = clock.instant();
        BookingSaga.Step before = saga.step();
        Instant stepStart = saga.stepStartedAt();
        List<SagaAction> actions = saga.on(reply, now, timeouts);
        if (saga.step() != before) {
            stepTimer(before, reply.getClass().getSimpleName()).record(Duration.between(stepStart, now));
        }
        sagas.save(saga);
        carryOut(saga, actions);
    }

    /**
     * Compensates or retries the steps that ran past their deadline.
     *
     * @return how many sagas were overdue
     */
    @Transactional
    public int handleDeadlines(int limit) {
        Instant now = clock.instant();
        List<BookingSaga> overdue = sagas.lockOverdue(now, limit);
        for (BookingSaga saga : overdue) {
            BookingSaga.Step before = saga.step();
            Instant stepStart = saga.stepStartedAt();
            List<SagaAction> actions = saga.onDeadline(now, timeouts);
            if (saga.step() != before) {
                stepTimer(before, "Timeout").record(Duration.between(stepStart, now));
                log.warn("booking {}: step {} timed out, compensating", saga.bookingId(), before);
            }
            sagas.save(saga);
            carryOut(saga, actions);
        }
        return overdue.size();
    }

    private void carryOut(BookingSaga saga, List<SagaAction> actions) {
        Instant now = clock.instant();
        for (SagaAction action : actions) {
            switch (action) {
                case SagaAction.HoldSeats hold ->
                    seatCommand(
                            saga,
                            HoldSeats.newBuilder()
                                    .setBookingId(hold.bookingId().toString())
                                    .setSessionId(hold.sessionId().toString())
                                    .setSeats(hold.seats())
                                    .setHoldUntil(WireTime.of(hold.holdUntil()))
                                    .build());
                case SagaAction.ConfirmSeats confirm ->
                    seatCommand(
                            saga,
                            ConfirmSeats.newBuilder()
                                    .setBookingId(confirm.bookingId().toString())
                                    .setSessionId(confirm.sessionId().toString())
                                    .build());
                case SagaAction.ReleaseSeats release ->
                    seatCommand(
                            saga,
                            ReleaseSeats.newBuilder()
                                    .setBookingId(release.bookingId().toString())
                                    .setSessionId(release.sessionId().toString())
                                    .setReason(release.reason())
                                    .build());
                case SagaAction.ConfirmQuote confirm -> {
                    ConfirmQuote.Builder command = ConfirmQuote.newBuilder()
                            .setBookingId(confirm.bookingId().toString())
                            .setSessionId(confirm.sessionId().toString())
                            .setSeats(confirm.seats())
                            .setGuestId(confirm.guestId());
                    if (confirm.quoteId() != null) {
                        command.setQuoteId(confirm.quoteId().toString());
                    }
                    bookingCommand(Topics.PRICING_COMMANDS, saga, command.build());
                }
                case SagaAction.ReleaseQuote release ->
                    bookingCommand(
                            Topics.PRICING_COMMANDS,
                            saga,
                            ReleaseQuote.newBuilder()
                                    .setBookingId(release.bookingId().toString())
                                    .setReason(release.reason())
                                    .build());
                case SagaAction.CheckBooking check ->
                    bookingCommand(
                            Topics.COMPLIANCE_COMMANDS,
                            saga,
                            CheckBooking.newBuilder()
                                    .setBookingId(check.bookingId().toString())
                                    .setSessionId(check.sessionId().toString())
                                    .setSeats(check.seats())
                                    .setGuestId(check.guestId())
                                    .build());
                case SagaAction.AuthorizePayment authorize ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            saga,
                            AuthorizePayment.newBuilder()
                                    .setBookingId(authorize.bookingId().toString())
                                    .setGuestId(authorize.guestId())
                                    .setHostId(authorize.hostId())
                                    .setSessionId(authorize.sessionId().toString())
                                    .setAmount(WireMoney.of(
                                            authorize.amount().amount(),
                                            authorize.amount().currency()))
                                    .setPaymentMethod(authorize.paymentMethod())
                                    .build());
                case SagaAction.CapturePayment capture ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            saga,
                            CapturePayment.newBuilder()
                                    .setBookingId(capture.bookingId().toString())
                                    .build());
                case SagaAction.VoidPayment voidPayment ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            saga,
                            VoidPayment.newBuilder()
                                    .setBookingId(voidPayment.bookingId().toString())
                                    .setReason(voidPayment.reason())
                                    .build());
                case SagaAction.RefundPayment refund ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            saga,
                            RefundPayment.newBuilder()
                                    .setBookingId(refund.bookingId().toString())
                                    .setAmount(WireMoney.of(
                                            refund.amount().amount(),
                                            refund.amount().currency()))
                                    .setReason(refund.reason())
                                    .build());
                case SagaAction.PriceBooking price -> {
                    Booking booking = bookings.lock(price.bookingId()).orElseThrow();
                    booking.price(price.total(), now);
                    bookings.save(booking);
                }
                case SagaAction.ConfirmBooking confirm -> decide(confirm.bookingId(), booking -> booking.confirm(now));
                case SagaAction.RejectBooking reject ->
                    decide(reject.bookingId(), booking -> booking.reject(reject.reason(), now));
            }
        }
    }

    private void decide(UUID bookingId, Function<Booking, Optional<BookingEvent>> decision) {
        Booking booking = bookings.lock(bookingId).orElseThrow();
        decision.apply(booking).ifPresent(event -> {
            bookings.save(booking);
            events.publish(event);
        });
    }

    /** Seat commands are keyed by session: one session's seat traffic stays in order. */
    private void seatCommand(BookingSaga saga, Message command) {
        outbox.append(
                Topics.INVENTORY_COMMANDS,
                ProtobufEvents.wrap(SOURCE, saga.sessionId().toString(), command, clock.instant()));
    }

    /** Pricing, compliance and payment commands are keyed by booking: a compensation follows what it undoes. */
    private void bookingCommand(String topic, BookingSaga saga, Message command) {
        outbox.append(topic, ProtobufEvents.wrap(SOURCE, saga.bookingId().toString(), command, clock.instant()));
    }

    private Timer stepTimer(BookingSaga.Step step, String outcome) {
        return Timer.builder("couchannel.saga.step")
                .description("time a booking saga step took, by step and outcome")
                .tag("step", step.name())
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }
}
