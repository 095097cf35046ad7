package dev.couchannel.review.review.application;

import dev.couchannel.review.review.ReviewEvent;
import dev.couchannel.review.review.VenueRating;
import java.util.Optional;

/**
 * The read models derived from review events (the review lists, the venue ratings), updated in
 * the transaction that appends each event and rebuilt from the whole store on demand.
 */
public interface Projections {

    /**
     * Folds one event into the read models.
     *
     * @return the venue's new rating when the event changed it
     */
    Optional<VenueRating> apply(ReviewEvent event);

    /** Empties every read model, before a rebuild. */
    void clear();

    /** Live writers share this transaction-scoped lock; a rebuild takes it alone. */
    void lockForWriting();

    /** Waits for live writers to finish and keeps new ones out until the transaction ends. */
    void lockForRebuild();
}
