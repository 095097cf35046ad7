package dev.couchannel.booking.reservation.application;

import com.google.protobuf.Message;
import dev.couchannel.booking.reservation.BookingEvent;
import dev.couchannel.booking.reservation.Money;
import dev.couchannel.booking.reservation.NoShow;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.BookingRejected;
import dev.couchannel.contracts.booking.v1.BookingRequested;
import dev.couchannel.contracts.booking.v1.GuestNoShow;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Publishes booking events through the outbox, as the booking events contract. */
@Component
public class BookingEvents {

    private final Outbox outbox;
    private final Clock clock;

    BookingEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void publish(BookingEvent event) {
        Message message =
                switch (event) {
                    case BookingEvent.BookingRequested e ->
                        BookingRequested.newBuilder()
                                .setBookingId(e.bookingId().toString())
                                .setSessionId(e.sessionId().toString())
                                .setGuestId(e.guestId())
                                .setSeats(e.seats())
                                .build();
                    case BookingEvent.BookingConfirmed e -> {
                        BookingConfirmed.Builder confirmed = BookingConfirmed.newBuilder()
                                .setBookingId(e.bookingId().toString())
                                .setSessionId(e.sessionId().toString())
                                .setGuestId(e.guestId())
                                .setSeats(e.seats());
                        if (e.total() != null) {
                            confirmed.setTotal(wire(e.total()));
                        }
                        yield confirmed.build();
                    }
                    case BookingEvent.BookingCancelled e ->
                        BookingCancelled.newBuilder()
                                .setBookingId(e.bookingId().toString())
                                .setSessionId(e.sessionId().toString())
                                .setGuestId(e.guestId())
                                .setSeats(e.seats())
                                .setRefund(wire(e.terms().refund()))
                                .setCancelledBy(e.terms().by().name())
                                .setHostPenalty(wire(e.terms().hostPenalty()))
                                .build();
                    case BookingEvent.BookingRejected e ->
                        BookingRejected.newBuilder()
                                .setBookingId(e.bookingId().toString())
                                .setSessionId(e.sessionId().toString())
                                .setGuestId(e.guestId())
                                .setReason(e.reason())
                                .build();
                };
        outbox.append(
                Topics.BOOKING_EVENTS,
                ProtobufEvents.wrap("booking", event.bookingId().toString(), message, clock.instant()));
    }

    /** {@code GuestNoShow}, keyed by booking id like the booking's other events. */
    public void publishNoShow(NoShow noShow) {
        GuestNoShow message = GuestNoShow.newBuilder()
                .setBookingId(noShow.bookingId().toString())
                .setSessionId(noShow.sessionId().toString())
                .setGuestId(noShow.guestId())
                .setHostId(noShow.hostId())
                .setSeats(noShow.seats())
                .setAt(WireTime.of(noShow.markedAt()))
                .build();
        outbox.append(
                Topics.BOOKING_EVENTS,
                ProtobufEvents.wrap("booking", noShow.bookingId().toString(), message, noShow.markedAt()));
    }

    private static dev.couchannel.contracts.common.v1.Money wire(Money money) {
        return WireMoney.of(money.amount(), money.currency());
    }
}
