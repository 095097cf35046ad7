package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    private static final String TOPIC = "booking-events";

    @TempDir
    Path tmp;

    @Test
    void committedTransactionsAreReadAndSurviveARestart() throws Exception {
        Path logDir = tmp.resolve("kafka");
        try (KafkaBroker kafka = KafkaBroker.start(logDir, 0)) {
            kafka.createTopics(TOPIC, TOPIC);
            kafka.createTopics(TOPIC);

            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "seat-12A", "aborted"));
                producer.flush();
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "seat-12A", "committed"));
                producer.commitTransaction();
            }

            assertThat(readCommitted(kafka, "committed")).containsExactly("committed");
            assertThat(partitions(kafka, TOPIC)).isEqualTo(4);
        }

        try (KafkaBroker kafka = KafkaBroker.start(logDir, 0)) {
            assertThat(partitions(kafka, TOPIC)).isEqualTo(4);
            assertThat(readCommitted(kafka, "committed")).containsExactly("committed");
        }
    }

    @Test
    void aThrowawayBrokerAutoCreatesTopicsAndDeletesItsDirectory() throws Exception {
        KafkaBroker kafka = KafkaBroker.start(null, 0);
        Path logDir = kafka.logDir();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("auto-created", "k", "v")).get(30, TimeUnit.SECONDS);
        }
        assertThat(partitions(kafka, "auto-created")).isEqualTo(4);
        assertThat(logDir.resolve("meta.properties")).exists();

        kafka.close();
        kafka.close();

        assertThat(logDir).doesNotExist();
        assertThat(Ports.isFree(kafka.port())).isTrue();
    }

    private static KafkaProducer<String, String> transactionalProducer(KafkaBroker kafka) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "booking-tx-" + UUID.randomUUID()),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Reads the topic from the start with read_committed until {@code last} shows up. */
    private static List<String> readCommitted(KafkaBroker kafka, String last) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(45)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.contains(last);
            });
        }
        return values;
    }

    private static int partitions(KafkaBroker kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().size();
        }
    }
}
