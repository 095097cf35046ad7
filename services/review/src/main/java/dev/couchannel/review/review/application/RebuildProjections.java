package dev.couchannel.review.review.application;

import dev.couchannel.review.review.ReviewStreams;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throws the read models away and folds every stored event into them again, in append order, in
 * one transaction: readers see the old projections until the new ones commit. No rating event is
 * published: a rebuild changes no rating, it recomputes the same one.
 */
@Service
public class RebuildProjections {

    private final ReviewStreams streams;
    private final Projections projections;

    RebuildProjections(ReviewStreams streams, Projections projections) {
        this.streams = streams;
        this.projections = projections;
    }

    /** @return how many events were replayed */
    @Transactional
    public long rebuild() {
        projections.lockForRebuild();
        projections.clear();
        AtomicLong events = new AtomicLong();
        streams.replayAll(event -> {
            projections.apply(event);
            events.incrementAndGet();
        });
        return events.get();
    }
}
