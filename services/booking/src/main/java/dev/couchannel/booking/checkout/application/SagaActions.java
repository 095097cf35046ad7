package dev.couchannel.booking.checkout.application;

import com.google.protobuf.Message;
import dev.couchannel.booking.checkout.SagaAction;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingEvent;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.application.BookingEvents;
import dev.couchannel.booking.reservation.application.Decisions;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out what the sagas decide, inside the caller's transaction: participant commands go to
 * the outbox (sent only if that transaction commits), booking decisions change the booking and
 * publish its event.
 */
@Component
class SagaActions {

    private static final String SOURCE = "booking";

    private static final Logger log = LoggerFactory.getLogger(SagaActions.class);

    private final Bookings bookings;
    private final BookingEvents events;
    private final Decisions decisions;
    private final Outbox outbox;
    private final Clock clock;

    SagaActions(Bookings bookings, BookingEvents events, Decisions decisions, Outbox outbox, Clock clock) {
        this.bookings = bookings;
        this.events = events;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    void carryOut(List<SagaAction> actions) {
        Instant now = clock.instant();
        for (SagaAction action : actions) {
            switch (action) {
                case SagaAction.HoldSeats hold -> {
                    HoldSeats.Builder command = HoldSeats.newBuilder()
                            .setBookingId(hold.bookingId().toString())
                            .setSessionId(hold.sessionId().toString())
                            .setSeats(hold.seats())
                            .setHoldUntil(WireTime.of(hold.holdUntil()))
                            .setGuestId(hold.guestId());
                    if (hold.waitlistOfferId() != null) {
                        command.setWaitlistOfferId(hold.waitlistOfferId().toString());
                    }
                    seatCommand(hold.sessionId(), command.build());
                }
                case SagaAction.ConfirmSeats confirm ->
                    seatCommand(
                            confirm.sessionId(),
                            ConfirmSeats.newBuilder()
                                    .setBookingId(confirm.bookingId().toString())
                                    .setSessionId(confirm.sessionId().toString())
                                    .build());
                case SagaAction.ReleaseSeats release ->
                    seatCommand(
                            release.sessionId(),
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
                    bookingCommand(Topics.PRICING_COMMANDS, confirm.bookingId(), command.build());
                }
                case SagaAction.ReleaseQuote release ->
                    bookingCommand(
                            Topics.PRICING_COMMANDS,
                            release.bookingId(),
                            ReleaseQuote.newBuilder()
                                    .setBookingId(release.bookingId().toString())
                                    .setReason(release.reason())
                                    .build());
                case SagaAction.CheckBooking check ->
                    bookingCommand(
                            Topics.COMPLIANCE_COMMANDS,
                            check.bookingId(),
                            CheckBooking.newBuilder()
                                    .setBookingId(check.bookingId().toString())
                                    .setSessionId(check.sessionId().toString())
                                    .setSeats(check.seats())
                                    .setGuestId(check.guestId())
                                    .build());
                case SagaAction.AuthorizePayment authorize ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            authorize.bookingId(),
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
                            capture.bookingId(),
                            CapturePayment.newBuilder()
                                    .setBookingId(capture.bookingId().toString())
                                    .build());
                case SagaAction.VoidPayment voidPayment ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            voidPayment.bookingId(),
                            VoidPayment.newBuilder()
                                    .setBookingId(voidPayment.bookingId().toString())
                                    .setReason(voidPayment.reason())
                                    .build());
                case SagaAction.RefundPayment refund ->
                    bookingCommand(
                            Topics.PAYMENT_COMMANDS,
                            refund.bookingId(),
                            RefundPayment.newBuilder()
                                    .setBookingId(refund.bookingId().toString())
                                    .setAmount(WireMoney.of(
                                            refund.amount().amount(),
                                            refund.amount().currency()))
                                    .setHostPenalty(WireMoney.of(
                                            refund.hostPenalty().amount(),
                                            refund.hostPenalty().currency()))
                                    .setReason(refund.reason())
                                    .build());
                case SagaAction.PriceBooking price ->
                    update(price.bookingId(), booking -> booking.price(price.total(), now));
                case SagaAction.ConfirmBooking confirm -> decide(confirm.bookingId(), booking -> booking.confirm(now));
                case SagaAction.SettleRefund settle -> update(settle.bookingId(), booking -> booking.settleRefund(now));
                case SagaAction.FailRefund failed -> {
                    Booking booking = update(failed.bookingId(), refunded -> refunded.failRefund(now));
                    log.warn(
                            "refund of {} booking {} failed for good ({}): {}",
                            booking.status().name().toLowerCase(Locale.ROOT),
                            failed.bookingId(),
                            failed.code(),
                            failed.reason());
                }
                case SagaAction.SettleFailedRefund settled -> {
                    update(settled.bookingId(), booking -> booking.settleFailedRefund(now));
                    log.info(
                            "refused refund of booking {} given back by hand ({})",
                            settled.bookingId(),
                            settled.reference());
                }
                case SagaAction.RejectBooking reject ->
                    decide(reject.bookingId(), booking -> booking.reject(reject.reason(), now));
            }
        }
    }

    /** Changes the booking under its row lock and saves it; returns it as saved. */
    private Booking update(UUID bookingId, Consumer<Booking> change) {
        Booking booking = bookings.lock(bookingId).orElseThrow();
        change.accept(booking);
        bookings.save(booking);
        return booking;
    }

    private void decide(UUID bookingId, Function<Booking, Optional<BookingEvent>> decision) {
        Booking booking = bookings.lock(bookingId).orElseThrow();
        decision.apply(booking).ifPresent(event -> {
            bookings.save(booking);
            events.publish(event);
            decisions.decidedOnCommit(bookingId);
        });
    }

    /** Seat commands are keyed by session: one session's seat traffic stays in order. */
    private void seatCommand(UUID sessionId, Message command) {
        outbox.append(
                Topics.INVENTORY_COMMANDS, ProtobufEvents.wrap(SOURCE, sessionId.toString(), command, clock.instant()));
    }

    /** Pricing, compliance and payment commands are keyed by booking: a compensation follows what it undoes. */
    private void bookingCommand(String topic, UUID bookingId, Message command) {
        outbox.append(topic, ProtobufEvents.wrap(SOURCE, bookingId.toString(), command, clock.instant()));
    }
}
