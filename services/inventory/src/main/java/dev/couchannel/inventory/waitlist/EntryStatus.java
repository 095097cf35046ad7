package dev.couchannel.inventory.waitlist;

/** Life of a place in line: WAITING until OFFERED; then BOOKED, or EXPIRED when the offer ran out. */
public enum EntryStatus {
    WAITING,
    OFFERED,
    BOOKED,
    LEFT,
    EXPIRED,
    /** The session was cancelled: the line closed. */
    CLOSED;

    /** Still in line (waiting, or holding an offer). */
    public boolean isActive() {
        return this == WAITING || this == OFFERED;
    }
}
