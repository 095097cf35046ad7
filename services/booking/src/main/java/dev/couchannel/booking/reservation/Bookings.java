package dev.couchannel.booking.reservation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The bookings (port). */
public interface Bookings {

    void add(Booking booking);

    Optional<Booking> find(UUID id);

    /** Loads a booking for a change; other changes to it wait until the transaction ends. */
    Optional<Booking> lock(UUID id);

    void save(Booking booking);

    List<Booking> ofGuest(String guestId, int limit);

    /**
     * Seats the guest has in the session, pending or confirmed. Takes a lock on the pair first, so two requests of
     * the same guest for the same session count one after the other (the seat cap cannot be raced).
     */
    int lockSeatsOfGuest(String guestId, UUID sessionId);

    /** A session's bookings, oldest first (no lock: for reading). */
    List<Booking> ofSession(UUID sessionId, int limit);

    /** Every booking of a session, locked for a change, in a fixed order (no deadlock between two callers). */
    List<Booking> lockOfSession(UUID sessionId);
}
