package dev.couchannel.booking.reservation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recorded no-shows, at most one per booking (port). */
public interface NoShows {

    Optional<NoShow> of(UUID bookingId);

    /** The no-shows recorded for a session's bookings. */
    List<NoShow> ofSession(UUID sessionId);

    /** Adds the record; false when the booking already has one (nothing changes then). */
    boolean add(NoShow noShow);
}
