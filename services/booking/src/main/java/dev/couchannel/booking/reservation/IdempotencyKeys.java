package dev.couchannel.booking.reservation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which booking a guest's Idempotency-Key created, and from which request (port). */
public interface IdempotencyKeys {

    /** What a key was first used for. */
    record Use(UUID bookingId, String requestHash) {}

    /** What the key was first used for, if it was. */
    Optional<Use> find(String guestId, String key);

    /**
     * Takes the key for the current transaction; false when another transaction holds it (a
     * request with the same key is in flight).
     */
    boolean tryLock(String guestId, String key);

    /**
     * Claims a key for a new booking. When the key is taken (possibly by a request committing right
     * now, which this waits for), returns what it was first used for and claims nothing.
     */
    Optional<Use> claim(String guestId, String key, String requestHash, UUID bookingId, Instant now);

    /** Forgets up to {@code limit} keys first used before {@code cutoff}; returns how many. */
    int forgetUsedBefore(Instant cutoff, int limit);
}
