package dev.couchannel.booking.checkout;

import java.time.Instant;

/** Inventory's replies to the seat commands of the saga, in domain words. */
public sealed interface SeatReply {

    record SeatsHeld(Instant expiresAt) implements SeatReply {}

    record SeatsUnavailable(String reason) implements SeatReply {}

    record SeatsConfirmed() implements SeatReply {}

    record SeatsConfirmationFailed(String reason) implements SeatReply {}

    record SeatsReleased() implements SeatReply {}
}
