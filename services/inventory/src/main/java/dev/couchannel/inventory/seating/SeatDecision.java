package dev.couchannel.inventory.seating;

/** What a seat command did. Business outcomes are values, not exceptions. */
public sealed interface SeatDecision {

    /** Seats are now held for the booking. */
    record Held(SeatHold hold) implements SeatDecision {}

    /** No seats were held; {@code reason} is for the guest. */
    record Refused(SeatHold hold, String reason) implements SeatDecision {}

    /** The held seats are sold. */
    record Sold(SeatHold hold) implements SeatDecision {}

    /** The hold could not be sold (expired or released before); {@code reason} is for the guest. */
    record NotSold(SeatHold hold, String reason) implements SeatDecision {}

    /** Held or sold seats went back to free (or there was nothing to give back). */
    record Released(SeatHold hold, int seatsFreed) implements SeatDecision {}
}
