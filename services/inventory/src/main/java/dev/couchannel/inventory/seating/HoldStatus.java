package dev.couchannel.inventory.seating;

/** Life of a hold: HELD becomes SOLD, RELEASED or EXPIRED; REFUSED records a hold that never was. */
public enum HoldStatus {
    HELD,
    SOLD,
    RELEASED,
    EXPIRED,
    REFUSED
}
