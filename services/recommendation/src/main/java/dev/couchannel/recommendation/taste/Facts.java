package dev.couchannel.recommendation.taste;

import java.time.Instant;
import java.util.List;

/**
 * What recommendations are computed from (a port: the Kafka Streams stores implement it).
 *
 * @see dev.couchannel.recommendation.taste.streams.RecommendationTopology
 */
public interface Facts {

    /** The guest's taste; {@link Taste#none()} for a guest without live bookings. */
    Taste tasteOf(String guest);

    /** The guests with live bookings at the host's sessions. */
    HostGuests guestsOf(String host);

    /** Every session not cancelled and kicking off after {@code now}, with its seats, location and popularity. */
    List<Candidate> upcoming(Instant now);

    /** The facts are not readable yet (the stores are restoring or rebalancing); asking again later helps. */
    final class NotReady extends RuntimeException {

        public NotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
