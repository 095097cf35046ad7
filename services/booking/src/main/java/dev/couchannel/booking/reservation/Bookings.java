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
}
