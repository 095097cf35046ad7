package dev.couchannel.search.messaging;

import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.search.opensearch.IndexWriter;
import dev.couchannel.search.opensearch.SessionIndex;
import dev.couchannel.search.readmodel.ReadModelUpdate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns batches of consumed records into index writes and measures freshness: the time from an event at its source
 * ({@code ce_time}) to its write in the read model ({@code search.freshness}; add the index refresh interval for
 * "searchable"), and the age of the last event written ({@code search.freshness.last}).
 */
public class Projection {

    private static final Logger log = LoggerFactory.getLogger(Projection.class);

    /** The topics the read model is built from. */
    public static final List<String> TOPICS = EventTranslator.TOPICS;

    private final IndexWriter writer;
    private final Clock clock;
    private final Timer freshness;
    private final Counter poison;
    private final AtomicLong lastLagMillis = new AtomicLong();
    /** Generations a rebuild is filling: the live projection writes to them too, so they miss nothing. */
    private final List<String> building = new CopyOnWriteArrayList<>();

    private final SessionIndex index;

    public Projection(IndexWriter writer, SessionIndex index, Clock clock, MeterRegistry meters) {
        this.writer = writer;
        this.index = index;
        this.clock = clock;
        this.freshness = Timer.builder("search.freshness")
                .description("from an event at its source to its write into the search index")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.poison = Counter.builder("search.events.unreadable")
                .description("records that were not readable CloudEvents, skipped")
                .register(meters);
        meters.gauge("search.freshness.last", lastLagMillis, value -> value.get() / 1000.0);
    }

    /** Applies live records: to the alias and to any generation being rebuilt. */
    public void live(List<ConsumerRecord<String, byte[]>> records) {
        index.ensure(); // the alias must exist before the first write goes through it
        List<String> targets = new ArrayList<>();
        targets.add(index.alias());
        targets.addAll(building);
        apply(records, targets, true);
    }

    /** Applies replayed records to one generation (a rebuild); not counted as freshness. */
    public void replay(List<ConsumerRecord<String, byte[]>> records, String generation) {
        apply(records, List.of(generation), false);
    }

    public void startBuilding(String generation) {
        building.add(generation);
    }

    public void stopBuilding(String generation) {
        building.remove(generation);
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records, List<String> targets, boolean measure) {
        List<ReadModelUpdate> updates = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventTranslator.translate(record).ifPresent(updates::add);
            } catch (PoisonMessage e) {
                poison.increment();
                log.warn(
                        "skipping unreadable record {}-{}@{}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getMessage());
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        writer.apply(updates, targets);
        if (measure) {
            Instant now = clock.instant();
            Optional<Instant> newest = Optional.empty();
            for (ReadModelUpdate update : updates) {
                Duration lag = Duration.between(update.eventTime(), now);
                freshness.record(lag.isNegative() ? Duration.ZERO : lag);
                if (newest.isEmpty() || update.eventTime().isAfter(newest.get())) {
                    newest = Optional.of(update.eventTime());
                }
            }
            lastLagMillis.set(Math.max(0, Duration.between(newest.get(), now).toMillis()));
        }
    }
}
