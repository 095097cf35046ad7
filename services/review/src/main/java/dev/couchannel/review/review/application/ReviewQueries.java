package dev.couchannel.review.review.application;

import dev.couchannel.review.review.VenueRating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads of the projections: what the API and the gRPC server show. */
public interface ReviewQueries {

    /** One review as projected, hidden or not. */
    record ReviewSummary(
            UUID id,
            UUID venueId,
            UUID sessionId,
            UUID bookingId,
            String guestId,
            String hostId,
            int rating,
            String text,
            Instant postedAt,
            @Nullable String reply,
            @Nullable Instant repliedAt,
            int reports,
            boolean hidden,
            long version) {}

    record ReviewPage(List<ReviewSummary> items, long total) {}

    /** The visible reviews of a venue, newest first. */
    ReviewPage visibleOfVenue(UUID venueId, int page, int size);

    Optional<ReviewSummary> review(UUID id);

    /** Reviews with at least one report, most reported first, for the admins. */
    List<ReviewSummary> reported(int limit);

    /** The venue's rating; count 0 when nobody reviewed it. */
    VenueRating rating(UUID venueId);
}
