package dev.couchannel.payment.payout;

import java.time.Instant;

/** What payment knows of the sessions it takes money for, from inventory's events (port). */
public interface SessionFacts {

    /** A session was published: who hosts it and when it kicks off. */
    void published(String sessionId, String hostId, Instant kickoff, Instant at);

    /** A session was cancelled (its bookings are refunded in full by the cancellation saga). */
    void cancelled(String sessionId, String hostId, Instant at);
}
