package dev.couchannel.review.review;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Bookings, sessions and reviews in domain words, for the aggregate's tests. */
final class ReviewFixtures {

    static final Instant SESSION_ENDS = Instant.parse("2026-11-22T21:00:00Z");
    static final Instant AFTER_THE_MATCH = SESSION_ENDS.plus(Duration.ofHours(1));
    static final String GUEST = "guest@example.com";
    static final String HOST = "host@example.com";
    static final String ADMIN = "admin@example.com";

    private ReviewFixtures() {}

    static Attendance attended(UUID bookingId) {
        return new Attendance(
                bookingId, UUID.randomUUID(), GUEST, "CONFIRMED", UUID.randomUUID(), HOST, SESSION_ENDS, false);
    }

    static Attendance cancelledBooking(UUID bookingId) {
        Attendance a = attended(bookingId);
        return new Attendance(bookingId, a.sessionId(), GUEST, "CANCELLED", a.venueId(), HOST, SESSION_ENDS, false);
    }

    static Attendance cancelledSession(UUID bookingId) {
        Attendance a = attended(bookingId);
        return new Attendance(bookingId, a.sessionId(), GUEST, "CONFIRMED", a.venueId(), HOST, SESSION_ENDS, true);
    }

    static Attendance sessionNotYetKnown(UUID bookingId) {
        return new Attendance(bookingId, UUID.randomUUID(), GUEST, "CONFIRMED", null, null, null, false);
    }

    /** A four-star review by {@link #GUEST}, just posted. */
    static Review postedReview() {
        UUID booking = UUID.randomUUID();
        Decision decision =
                Review.post(null, attended(booking), booking, GUEST, 4, "Big screen, good crowd.", AFTER_THE_MATCH);
        return Review.replay(java.util.List.of(((Decision.Accepted) decision).event()));
    }
}
