package dev.couchannel.review.review;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a review: the source of truth, appended to the review's stream and never
 * changed. Every projection (the lists, the ratings) is derived from these.
 */
public sealed interface ReviewEvent {

    UUID reviewId();

    Instant at();

    /** The stable name stored with the event; never a Java class name. */
    String type();

    /** A guest who attended reviewed the session's venue. */
    record ReviewPosted(
            UUID reviewId,
            UUID bookingId,
            UUID sessionId,
            UUID venueId,
            String hostId,
            String guestId,
            int rating,
            String text,
            Instant at)
            implements ReviewEvent {
        @Override
        public String type() {
            return "ReviewPosted";
        }
    }

    /** The venue's host answered the review. */
    record ReplyPosted(UUID reviewId, String hostId, String text, Instant at) implements ReviewEvent {
        @Override
        public String type() {
            return "ReplyPosted";
        }
    }

    /** A user flagged the review for the admins. */
    record ReviewReported(UUID reviewId, String reporter, String reason, Instant at) implements ReviewEvent {
        @Override
        public String type() {
            return "ReviewReported";
        }
    }

    /** An admin took the review off public view; it no longer counts in the rating. */
    record ReviewHidden(UUID reviewId, String admin, String reason, Instant at) implements ReviewEvent {
        @Override
        public String type() {
            return "ReviewHidden";
        }
    }

    /** An admin put a hidden review back. */
    record ReviewRestored(UUID reviewId, String admin, Instant at) implements ReviewEvent {
        @Override
        public String type() {
            return "ReviewRestored";
        }
    }

    /** Whether the event changes what the venue's rating counts. */
    default boolean changesRating() {
        return this instanceof ReviewPosted || this instanceof ReviewHidden || this instanceof ReviewRestored;
    }
}
