package dev.couchannel.review.review.application;

import dev.couchannel.review.review.Attendances;
import dev.couchannel.review.review.Decision;
import dev.couchannel.review.review.Review;
import dev.couchannel.review.review.ReviewEvent;
import dev.couchannel.review.review.ReviewStreams;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases that change reviews. Each one, in one transaction: load the stream, let the review
 * decide, append the event (the unique (stream, version) refuses a concurrent writer), fold it into
 * the projections and, when the venue's rating changed, queue {@code RatingChanged} in the outbox.
 */
@Service
public class ReviewCommands {

    private final ReviewStreams streams;
    private final Attendances attendances;
    private final Projections projections;
    private final RatingChanges ratings;
    private final ReviewAnnouncements announcements;
    private final Clock clock;

    ReviewCommands(
            ReviewStreams streams,
            Attendances attendances,
            Projections projections,
            RatingChanges ratings,
            ReviewAnnouncements announcements,
            Clock clock) {
        this.streams = streams;
        this.attendances = attendances;
        this.projections = projections;
        this.ratings = ratings;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** What a command ended in: the review after it, or the refusal. */
    public sealed interface Result {
        record Done(Review review) implements Result {}

        record Refused(Decision.Refused refusal) implements Result {}

        /** No review has that id. */
        record Missing() implements Result {}
    }

    @Transactional
    public Result post(UUID bookingId, String guestId, int rating, String text) {
        projections.lockForWriting();
        UUID id = Review.idFor(bookingId);
        List<ReviewEvent> events = streams.load(id);
        Review existing = events.isEmpty() ? null : Review.replay(events);
        Decision decision =
                Review.post(existing, attendances.of(bookingId).orElse(null), bookingId, guestId, rating, text, now());
        return commit(id, events, decision);
    }

    @Transactional
    public Result reply(UUID reviewId, String hostId, String text) {
        return act(reviewId, review -> review.reply(hostId, text, now()));
    }

    @Transactional
    public Result report(UUID reviewId, String reporter, @Nullable String reason) {
        return act(reviewId, review -> review.report(reporter, reason, now()));
    }

    @Transactional
    public Result hide(UUID reviewId, String admin, @Nullable String reason) {
        return act(reviewId, review -> review.hide(admin, reason, now()));
    }

    @Transactional
    public Result restore(UUID reviewId, String admin) {
        return act(reviewId, review -> review.restore(admin, now()));
    }

    private Result act(UUID reviewId, Function<Review, Decision> decide) {
        projections.lockForWriting();
        List<ReviewEvent> events = streams.load(reviewId);
        if (events.isEmpty()) {
            return new Result.Missing();
        }
        return commit(reviewId, events, decide.apply(Review.replay(events)));
    }

    private Result commit(UUID reviewId, List<ReviewEvent> before, Decision decision) {
        return switch (decision) {
            case Decision.Refused refused -> new Result.Refused(refused);
            case Decision.Accepted(ReviewEvent event) -> {
                streams.append(event, before.size());
                projections.apply(event).ifPresent(rating -> ratings.publish(rating, event.at()));
                List<ReviewEvent> after = new java.util.ArrayList<>(before);
                after.add(event);
                Review review = Review.replay(after);
                announcements.announce(event, review);
                yield new Result.Done(review);
            }
        };
    }

    /** What PostgreSQL stores (microseconds), so a replayed review equals the one just decided. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
