package dev.couchannel.review.review;

import java.util.List;
import java.util.UUID;

/** The append-only event store of reviews: one stream per review, versioned. */
public interface ReviewStreams {

    /** The stream's events in order; empty when it does not exist. */
    List<ReviewEvent> load(UUID reviewId);

    /**
     * Appends {@code event} as version {@code expectedVersion + 1} of its stream.
     *
     * @throws ConcurrentChange when another writer appended that version first
     */
    void append(ReviewEvent event, long expectedVersion);

    /** Every event of every stream in the order it was appended, for rebuilding projections. */
    void replayAll(java.util.function.Consumer<ReviewEvent> handler);

    /** Another writer changed the stream since it was loaded; reload and decide again. */
    final class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(UUID reviewId, long version) {
            super("review " + reviewId + " already has a version " + version, null, false, false);
        }
    }
}
