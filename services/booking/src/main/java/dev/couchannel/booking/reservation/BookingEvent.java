package dev.couchannel.booking.reservation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happened to a booking; published through the outbox as the booking events contract. */
public sealed interface BookingEvent {

    UUID bookingId();

    record BookingRequested(UUID bookingId, UUID sessionId, String guestId, int seats) implements BookingEvent {}

    /** @param total what the guest paid (the captured amount); null only for a booking never priced */
    record BookingConfirmed(
            UUID bookingId,
            UUID sessionId,
            String guestId,
            int seats,
            @Nullable Money total) implements BookingEvent {}

    record BookingRejected(UUID bookingId, UUID sessionId, String guestId, String reason) implements BookingEvent {}

    record BookingCancelled(UUID bookingId, UUID sessionId, String guestId, int seats, Cancellation terms)
            implements BookingEvent {}
}
