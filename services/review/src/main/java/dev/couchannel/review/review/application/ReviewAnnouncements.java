package dev.couchannel.review.review.application;

import dev.couchannel.review.review.Review;
import dev.couchannel.review.review.ReviewEvent;

/**
 * Tells other services that a review was posted or answered, in the transaction of the change
 * (identity's reputation measures how soon hosts reply, ADR 20). Reports and moderation stay
 * inside review. A projection rebuild announces nothing.
 */
public interface ReviewAnnouncements {

    /** @param review the review after {@code event} */
    void announce(ReviewEvent event, Review review);
}
