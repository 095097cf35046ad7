package dev.couchannel.review.review.web;

import dev.couchannel.review.review.Review;
import dev.couchannel.review.review.application.ReviewQueries.ReviewSummary;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A review as the API shows it. Everyone sees the rating, the text and the reply; the guest is
 * stored by e-mail address, which only the author and admins see, with the moderation state.
 */
record ReviewView(
        UUID id,
        UUID venueId,
        UUID sessionId,
        int rating,
        String text,
        Instant postedAt,
        @Nullable ReplyView reply,
        @Nullable UUID bookingId,
        @Nullable String guestId,
        @Nullable Integer reports,
        @Nullable Boolean hidden) {

    record ReplyView(String text, Instant at) {}

    static ReviewView publicOf(ReviewSummary review) {
        return new ReviewView(
                review.id(),
                review.venueId(),
                review.sessionId(),
                review.rating(),
                review.text(),
                review.postedAt(),
                reply(review.reply(), review.repliedAt()),
                null,
                null,
                null,
                null);
    }

    static ReviewView fullOf(ReviewSummary review) {
        return new ReviewView(
                review.id(),
                review.venueId(),
                review.sessionId(),
                review.rating(),
                review.text(),
                review.postedAt(),
                reply(review.reply(), review.repliedAt()),
                review.bookingId(),
                review.guestId(),
                review.reports(),
                review.hidden());
    }

    static ReviewView fullOf(Review review) {
        return new ReviewView(
                review.id(),
                review.venueId(),
                review.sessionId(),
                review.rating(),
                review.text(),
                review.postedAt(),
                reply(review.reply(), review.repliedAt()),
                review.bookingId(),
                review.guestId(),
                review.reports(),
                review.hidden());
    }

    private static @Nullable ReplyView reply(@Nullable String text, @Nullable Instant at) {
        return text == null || at == null ? null : new ReplyView(text, at);
    }
}
