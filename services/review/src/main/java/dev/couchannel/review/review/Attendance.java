package dev.couchannel.review.review;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What this service knows of a booking and its session, from booking's and inventory's events:
 * enough to decide locally whether its guest may review.
 *
 * @param bookingStatus {@code CONFIRMED} or {@code CANCELLED}
 * @param venueId null while the session's {@code SessionPublished} has not arrived
 * @param sessionEndsAt when the session is over and reviews open; null while unknown
 */
public record Attendance(
        UUID bookingId,
        UUID sessionId,
        String guestId,
        String bookingStatus,
        @Nullable UUID venueId,
        @Nullable String hostId,
        @Nullable Instant sessionEndsAt,
        boolean sessionCancelled) {

    public boolean sessionKnown() {
        return venueId != null && hostId != null && sessionEndsAt != null;
    }
}
