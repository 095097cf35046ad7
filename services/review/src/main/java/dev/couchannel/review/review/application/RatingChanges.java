package dev.couchannel.review.review.application;

import dev.couchannel.review.review.VenueRating;
import java.time.Instant;

/** Tells other services a venue's rating changed, in the transaction of the change. */
public interface RatingChanges {

    void publish(VenueRating rating, Instant at);
}
