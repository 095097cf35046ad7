package dev.couchannel.identity.reputation;

import java.time.Instant;
import java.util.UUID;

/**
 * The facts reputation is computed from, kept from other services' events (port). Every change is
 * keyed by the fact it records (a venue's rating version, a session, a review, a booking), so
 * applying the same event twice changes nothing even without the inbox.
 */
public interface ReputationFacts {

    /** A venue's rating as review last published it; an older {@code version} than the kept one is ignored. */
    void ratingChanged(UUID venueId, String hostId, double average, int count, long version);

    void sessionPublished(UUID sessionId, String hostId, Instant kickoff);

    /** @param hostsFault cancelled by the host or an admin, not because the fixture was postponed */
    void sessionCancelled(UUID sessionId, String hostId, boolean hostsFault);

    void reviewPosted(UUID reviewId, String hostId, Instant at);

    void reviewReplied(UUID reviewId, String hostId, Instant at);

    void bookingConfirmed(UUID bookingId, UUID sessionId, String guestId);

    void bookingCancelled(UUID bookingId, UUID sessionId, String guestId);

    void guestNoShow(UUID bookingId, UUID sessionId, String guestId);

    /** @param replyDueBefore reviews posted before this instant are past their reply window */
    HostFacts host(String hostId, Instant replyDueBefore);

    /** @param kickedOffBefore sessions that kicked off before this instant have ended */
    GuestFacts guest(String guestId, Instant kickedOffBefore);
}
