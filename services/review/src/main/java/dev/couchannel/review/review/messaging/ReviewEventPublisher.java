package dev.couchannel.review.review.messaging;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.review.v1.ReviewPosted;
import dev.couchannel.contracts.review.v1.ReviewReplied;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.review.review.Review;
import dev.couchannel.review.review.ReviewEvent;
import dev.couchannel.review.review.application.ReviewAnnouncements;
import org.springframework.stereotype.Component;

/**
 * {@code ReviewPosted} and {@code ReviewReplied} through the outbox, keyed by venue id like
 * {@code RatingChanged}, so a review's reply never overtakes the review.
 */
@Component
class ReviewEventPublisher implements ReviewAnnouncements {

    private final Outbox outbox;

    ReviewEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void announce(ReviewEvent event, Review review) {
        Message message =
                switch (event) {
                    case ReviewEvent.ReviewPosted posted ->
                        ReviewPosted.newBuilder()
                                .setReviewId(posted.reviewId().toString())
                                .setBookingId(posted.bookingId().toString())
                                .setSessionId(posted.sessionId().toString())
                                .setVenueId(posted.venueId().toString())
                                .setHostId(posted.hostId())
                                .setRating(posted.rating())
                                .setAt(WireTime.of(posted.at()))
                                .build();
                    case ReviewEvent.ReplyPosted reply ->
                        ReviewReplied.newBuilder()
                                .setReviewId(reply.reviewId().toString())
                                .setVenueId(review.venueId().toString())
                                .setHostId(reply.hostId())
                                .setAt(WireTime.of(reply.at()))
                                .build();
                    default -> null;
                };
        if (message != null) {
            outbox.append(
                    Topics.REVIEW_EVENTS,
                    ProtobufEvents.wrap(RatingPublisher.SOURCE, review.venueId().toString(), message, event.at()));
        }
    }
}
