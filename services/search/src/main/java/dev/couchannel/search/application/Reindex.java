package dev.couchannel.search.application;

import dev.couchannel.search.messaging.Projection;
import dev.couchannel.search.opensearch.SessionIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
    private final ConsumerFactory<String, byte[]> consumers;
    private final Clock clock;

    public Reindex(SessionIndex index, Projection projection, ConsumerFactory<String, byte[]> consumers, Clock clock) {
        this.index = index;
        this.projection = projection;
        this.consumers = consumers;
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
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
            try (Consumer<String, byte[]> consumer =
                    consumers.createConsumer("search-reindex", "reindex", "", overrides)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : Projection.TOPICS) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                    if (infos != null) {
                        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                while (!caughtUp(consumer, end)) {
                    ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
                    polled.forEach(batch::add);
                    if (!batch.isEmpty()) {
                        projection.replay(batch, next);
                        events += batch.size();
                    }
                }
            }
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

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
