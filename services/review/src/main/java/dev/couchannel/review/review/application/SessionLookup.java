package dev.couchannel.review.review.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Inventory's answer about one session, for a session whose {@code SessionPublished} this service
 * never consumed (published before it started consuming, or demo data that publishes no event).
 */
public interface SessionLookup {

    record SessionFacts(UUID sessionId, UUID venueId, String hostId, Instant kickoff, boolean cancelled) {}

    /** The session's facts; empty when inventory does not know it or does not answer in time. */
    Optional<SessionFacts> find(UUID sessionId);
}
