package dev.couchannel.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its beginning in a test, collecting every record, so a test can wait for the
 * record it expects (or prove one never came, by waiting for a later marker on the same key).
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** A probe of {@code topic} on the test JVM's broker. */
    public static TopicProbe on(String topic) {
        return on(topic, TestInfrastructure.get().kafka().bootstrapServers());
    }

    /** A probe of {@code topic} on the broker at {@code bootstrapServers} (e.g. a whole stack's). */
    public static TopicProbe on(String topic, String bootstrapServers) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Waits (up to {@code timeout}) for a record matching {@code expected} and returns it. */
    public synchronized ConsumerRecord<String, byte[]> await(
            Predicate<ConsumerRecord<String, byte[]>> expected, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return find(expected).isPresent();
        });
        return find(expected).orElseThrow();
    }

    /** Waits (up to {@code timeout}) until {@code count} records match {@code expected}; returns them all. */
    public synchronized List<ConsumerRecord<String, byte[]>> awaitCount(
            Predicate<ConsumerRecord<String, byte[]>> expected, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return seen.stream().filter(expected).count() >= count;
        });
        return seen.stream().filter(expected).toList();
    }

    /**
     * Reads (waiting up to {@code timeout}) until everything committed to the topic by now has been
     * read, then returns all of it: proof that a record is absent, not just late.
     */
    public synchronized List<ConsumerRecord<String, byte[]>> readToEnd(Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            Set<TopicPartition> assigned = consumer.assignment();
            return !assigned.isEmpty()
                    && consumer.endOffsets(assigned).entrySet().stream()
                            .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return records();
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return new ArrayList<>(seen);
    }

    private Optional<ConsumerRecord<String, byte[]>> find(Predicate<ConsumerRecord<String, byte[]>> expected) {
        return seen.stream().filter(expected).findFirst();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    /** The value of a header, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A predicate for the CloudEvent with this id. */
    public static Predicate<ConsumerRecord<String, byte[]>> eventId(String id) {
        return record -> id.equals(header(record, "ce_id"));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
