package dev.couchannel.booking.reservation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What booking may know of a session before accepting a request for it (port). The saga remains
 * the authority on seats; this only turns away requests that can never succeed, before anything
 * is written.
 */
public interface SessionDirectory {

    Availability availability(UUID sessionId);

    /** The session's refund policy and kickoff; empty when the session is unknown or cannot be asked. */
    Optional<RefundTerms> refundTerms(UUID sessionId);

    /** Who hosts the session and when it kicks off (a no-show is recorded by its host, after kickoff). */
    Hosting hosting(UUID sessionId);

    /** The answer about a session's host. */
    sealed interface Hosting {

        record Known(String hostId, Instant kickoff) implements Hosting {}

        record Unknown() implements Hosting {}

        record Unreachable() implements Hosting {}
    }

    /** What decides a cancellation's refund. */
    record RefundTerms(RefundPolicy policy, Instant kickoff) {}

    /** The answer about one session. */
    sealed interface Availability {

        /** Open for booking, with this many seats in all. */
        record Open(int capacity) implements Availability {}

        /** Exists but takes no bookings (draft or cancelled). */
        record Closed() implements Availability {}

        record Unknown() implements Availability {}

        /** Could not be asked in time: accept, and let the saga decide. */
        record Unreachable() implements Availability {}
    }
}
