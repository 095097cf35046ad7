package dev.couchannel.review.review;

import dev.couchannel.review.review.Decision.Accepted;
import dev.couchannel.review.review.ReviewEvent.ReplyPosted;
import dev.couchannel.review.review.ReviewEvent.ReviewHidden;
import dev.couchannel.review.review.ReviewEvent.ReviewPosted;
import dev.couchannel.review.review.ReviewEvent.ReviewReported;
import dev.couchannel.review.review.ReviewEvent.ReviewRestored;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A guest's review of an attended session's venue, with the host's reply and its moderation. Its
 * state is nothing but its events folded in order ({@link #replay}); every business verb returns
 * the event it causes, or a refusal, and changes nothing itself.
 */
public final class Review {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MIN_TEXT = 3;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_REPLY = 1000;
    public static final int MAX_REASON = 500;

    private final UUID id;
    private final UUID bookingId;
    private final UUID sessionId;
    private final UUID venueId;
    private final String hostId;
    private final String guestId;
    private final int rating;
    private final String text;
    private final Instant postedAt;
    private @Nullable String reply;
    private @Nullable Instant repliedAt;
    private final Set<String> reporters = new HashSet<>();
    private boolean hidden;
    private long version;

    private Review(ReviewPosted posted) {
        this.id = posted.reviewId();
        this.bookingId = posted.bookingId();
        this.sessionId = posted.sessionId();
        this.venueId = posted.venueId();
        this.hostId = posted.hostId();
        this.guestId = posted.guestId();
        this.rating = posted.rating();
        this.text = posted.text();
        this.postedAt = posted.at();
        this.version = 1;
    }

    /**
     * The id of the review of a booking: one booking has one stream, so a second review of it
     * collides with the first on the event store's unique (stream, version), even when both race.
     */
    public static UUID idFor(UUID bookingId) {
        return UUID.nameUUIDFromBytes(("review:" + bookingId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The review as its events tell it.
     *
     * @throws IllegalArgumentException when the stream does not start with {@link ReviewPosted}
     */
    public static Review replay(List<ReviewEvent> events) {
        if (events.isEmpty() || !(events.getFirst() instanceof ReviewPosted posted)) {
            throw new IllegalArgumentException("a review's stream starts with ReviewPosted");
        }
        Review review = new Review(posted);
        events.stream().skip(1).forEach(review::apply);
        return review;
    }

    private void apply(ReviewEvent event) {
        switch (event) {
            case ReviewPosted ignored -> throw new IllegalArgumentException("a review is posted once");
            case ReplyPosted e -> {
                reply = e.text();
                repliedAt = e.at();
            }
            case ReviewReported e -> reporters.add(e.reporter());
            case ReviewHidden ignored -> hidden = true;
            case ReviewRestored ignored -> hidden = false;
        }
        version++;
    }

    /**
     * A guest reviews the session of one of their bookings.
     *
     * @param existing the booking's review, if it has one already
     * @param attendance what is known of the booking, or null when nothing is
     */
    public static Decision post(
            @Nullable Review existing,
            @Nullable Attendance attendance,
            UUID bookingId,
            String guestId,
            int rating,
            String text,
            Instant now) {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            return Decision.invalid("rating", "rating must be between " + MIN_RATING + " and " + MAX_RATING + ".");
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() < MIN_TEXT || trimmed.length() > MAX_TEXT) {
            return Decision.invalid("text", "text must have between " + MIN_TEXT + " and " + MAX_TEXT + " characters.");
        }
        if (attendance == null || !attendance.guestId().equals(guestId)) {
            return Decision.refuse(
                    Refusal.NOT_ATTENDED, "No booking with id " + bookingId + " of yours is known to reviews.");
        }
        if (existing != null) {
            return Decision.refuse(Refusal.ALREADY_DONE, "You have already reviewed booking " + bookingId + ".");
        }
        if (!"CONFIRMED".equals(attendance.bookingStatus())) {
            return Decision.refuse(
                    Refusal.CANCELLED, "Booking " + bookingId + " was cancelled; only attended sessions are reviewed.");
        }
        if (attendance.sessionCancelled()) {
            return Decision.refuse(
                    Refusal.CANCELLED,
                    "The session of booking " + bookingId + " was cancelled; there is nothing to review.");
        }
        if (!attendance.sessionKnown()) {
            return Decision.refuse(
                    Refusal.FACTS_PENDING,
                    "The session of booking " + bookingId + " is not known yet; try again shortly.");
        }
        if (now.isBefore(attendance.sessionEndsAt())) {
            return Decision.refuse(
                    Refusal.TOO_EARLY,
                    "The session of booking " + bookingId + " has not ended yet; review it after "
                            + attendance.sessionEndsAt() + ".");
        }
        return new Accepted(new ReviewPosted(
                idFor(bookingId),
                bookingId,
                attendance.sessionId(),
                attendance.venueId(),
                attendance.hostId(),
                guestId,
                rating,
                trimmed,
                now));
    }

    /** The venue's host answers, once. */
    public Decision reply(String caller, String text, Instant now) {
        if (!hostId.equals(caller)) {
            return Decision.refuse(Refusal.NOT_ALLOWED, "Only the host of the reviewed venue may reply.");
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REPLY) {
            return Decision.invalid("text", "text must have between 1 and " + MAX_REPLY + " characters.");
        }
        if (reply != null) {
            return Decision.refuse(Refusal.ALREADY_DONE, "You have already replied to this review.");
        }
        return new Accepted(new ReplyPosted(id, caller, trimmed, now));
    }

    /** Any signed-in user flags the review, once each. */
    public Decision report(String reporter, @Nullable String reason, Instant now) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() > MAX_REASON) {
            return Decision.invalid("reason", "reason must have at most " + MAX_REASON + " characters.");
        }
        if (reporters.contains(reporter)) {
            return Decision.refuse(Refusal.ALREADY_DONE, "You have already reported this review.");
        }
        return new Accepted(new ReviewReported(id, reporter, trimmed, now));
    }

    /** An admin hides it: off the public lists, out of the rating. */
    public Decision hide(String admin, @Nullable String reason, Instant now) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() > MAX_REASON) {
            return Decision.invalid("reason", "reason must have at most " + MAX_REASON + " characters.");
        }
        if (hidden) {
            return Decision.refuse(Refusal.ALREADY_DONE, "The review is hidden already.");
        }
        return new Accepted(new ReviewHidden(id, admin, trimmed, now));
    }

    /** An admin puts a hidden review back. */
    public Decision restore(String admin, Instant now) {
        if (!hidden) {
            return Decision.refuse(Refusal.ALREADY_DONE, "The review is not hidden.");
        }
        return new Accepted(new ReviewRestored(id, admin, now));
    }

    public UUID id() {
        return id;
    }

    public UUID bookingId() {
        return bookingId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID venueId() {
        return venueId;
    }

    public String hostId() {
        return hostId;
    }

    public String guestId() {
        return guestId;
    }

    public int rating() {
        return rating;
    }

    public String text() {
        return text;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public @Nullable String reply() {
        return reply;
    }

    public @Nullable Instant repliedAt() {
        return repliedAt;
    }

    public int reports() {
        return reporters.size();
    }

    public boolean hidden() {
        return hidden;
    }

    /** How many events the stream holds: the version the next event must follow. */
    public long version() {
        return version;
    }
}
