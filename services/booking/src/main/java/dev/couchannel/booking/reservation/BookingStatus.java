package dev.couchannel.booking.reservation;

/** PENDING until the saga decides; CONFIRMED or REJECTED then; CONFIRMED may become CANCELLED. */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
