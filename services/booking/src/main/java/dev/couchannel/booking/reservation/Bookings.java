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

    /** Every booking of a session, locked for a change, in a fixed order (no deadlock between two callers). */
    List<Booking> lockOfSession(UUID sessionId);
}
