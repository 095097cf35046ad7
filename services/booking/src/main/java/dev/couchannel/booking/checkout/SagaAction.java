package dev.couchannel.booking.checkout;

import java.time.Instant;
import java.util.UUID;

/** What the saga asks the world to do next: send a participant a command, or decide the booking. */
public sealed interface SagaAction {

    record HoldSeats(UUID bookingId, UUID sessionId, int seats, Instant holdUntil) implements SagaAction {}

    record ConfirmSeats(UUID bookingId, UUID sessionId) implements SagaAction {}

    /** Compensation of HoldSeats (and of ConfirmSeats): gives held or sold seats back. */
    record ReleaseSeats(UUID bookingId, UUID sessionId, String reason) implements SagaAction {}

    record ConfirmBooking(UUID bookingId) implements SagaAction {}

    record RejectBooking(UUID bookingId, String reason) implements SagaAction {}
}
