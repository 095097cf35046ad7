package dev.couchannel.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.platform.testing.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A replay of the log against the real Kafka of the test JVM (the same context as {@link OutboxAndInboxIT}). */
@SpringBootTest(
        classes = OutboxAndInboxIT.TestService.class,
        properties = {
            "spring.application.name=messagingtest",
            "couchannel.messaging.source=messagingtest",
            "couchannel.outbox.poll-interval=100ms",
            "spring.kafka.consumer.group-id=messagingtest"
        })
class LogReplayIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "messagingtest");
    }

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void replaysEveryTopicFromTheStartUpToTheEndSeenWhenItStarted() throws Exception {
        String first = "test.replay." + UUID.randomUUID();
        String second = "test.replay." + UUID.randomUUID();
        send(first, "a1");
        send(first, "a2");
        send(second, "b1");
        List<String> replayed = new ArrayList<>();

        long count = new LogReplay(consumers)
                .replay("replaytest", List.of(first, second, "test.replay.none"), batch -> {
                    if (replayed.isEmpty()) {
                        // published after the start: the live consumer's, not the replay's
                        send(first, "late");
                    }
                    batch.forEach(record -> replayed.add(new String(record.value(), StandardCharsets.UTF_8)));
                });

        assertThat(replayed).containsExactlyInAnyOrder("a1", "a2", "b1");
        assertThat(replayed.indexOf("a1")).isLessThan(replayed.indexOf("a2"));
        assertThat(count).isEqualTo(3);
    }

    private void send(String topic, String value) {
        try {
            kafka.send(new ProducerRecord<>(topic, "key", value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
