package dev.couchannel.search.application;

import dev.couchannel.platform.messaging.LogReplay;
import dev.couchannel.search.messaging.Projection;
import dev.couchannel.search.opensearch.SessionIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Rebuilds the read model from the log: a new index generation is filled from offset 0 of every topic search reads,
 * up to the end offsets seen at the start, and the alias is swapped to it in one atomic step; the old generation is
 * then deleted. While it runs, the live projection writes to the new generation too, so events published during the
 * rebuild are not lost; versioned writes make the overlap harmless.
 */
public class Reindex {

    private static final Logger log = LoggerFactory.getLogger(Reindex.class);

    private final SessionIndex index;
    private final Projection projection;
    private final LogReplay replay;
    private final Clock clock;

    public Reindex(SessionIndex index, Projection projection, ConsumerFactory<String, byte[]> consumers, Clock clock) {
        this.index = index;
        this.projection = projection;
        this.replay = new LogReplay(consumers);
        this.clock = clock;
    }

    /** What a rebuild did. */
    public record Result(String previousIndex, String index, long events, Duration took) {}

    public synchronized Result rebuild() {
        Instant started = clock.instant();
        String previous = index.current();
        String next = index.createGeneration();
        projection.startBuilding(next);
        long events = 0;
        try {
            events = replay.replay("search-reindex", Projection.TOPICS, batch -> projection.replay(batch, next));
            index.refresh(next);
            index.swap(previous, next);
        } catch (RuntimeException e) {
            projection.stopBuilding(next);
            index.delete(next);
            throw e;
        }
        projection.stopBuilding(next);
        index.delete(previous);
        Duration took = Duration.between(started, clock.instant());
        log.info("rebuilt the search index from {} events in {} ms: {} -> {}", events, took.toMillis(), previous, next);
        return new Result(previous, next, events, took);
    }
}
