package dev.couchannel.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads topics from their first offset up to the end offsets seen when the replay starts, a polled
 * batch at a time: how a read model is rebuilt from the log. Records published after the start are
 * the live consumer's; a rebuild that lets the live consumer write to the new copy too loses none.
 *
 * <p>The replay has no consumer group position: it assigns every partition itself and commits
 * nothing, so it never moves the live consumer's offsets.
 */
public final class LogReplay {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, byte[]> consumers;

    public LogReplay(ConsumerFactory<String, byte[]> consumers) {
        this.consumers = consumers;
    }

    /** Takes one polled batch, in offset order per partition. */
    @FunctionalInterface
    public interface Batches {
        void accept(List<ConsumerRecord<String, byte[]>> batch);
    }

    /**
     * Replays {@code topics} (a topic that does not exist yet has nothing to replay).
     *
     * @param name names the replay's client, e.g. {@code "search-reindex"}
     * @return how many records were handed over
     */
    public long replay(String name, Collection<String> topics, Batches batches) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        long replayed = 0;
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(name, name, "", overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            while (!caughtUp(consumer, end)) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, byte[]> record : polled) {
                    Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (last != null && record.offset() < last) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                    replayed += batch.size();
                }
            }
        }
        return replayed;
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
