package dev.couchannel.inventory.seating;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Holds by booking id (port). */
public interface SeatHolds {

    /** Loads a booking's hold for a change; other changes to it wait until the transaction ends. */
    Optional<SeatHold> lock(UUID bookingId);

    void add(SeatHold hold);

    void save(SeatHold hold);

    /** Every hold of a session still HELD, locked (a cancellation releases them). */
    List<SeatHold> lockHeldOf(UUID sessionId);

    /** Up to {@code limit} holds still HELD after their expiry, locked, skipping ones others hold. */
    List<SeatHold> lockExpired(Instant now, int limit);
}
