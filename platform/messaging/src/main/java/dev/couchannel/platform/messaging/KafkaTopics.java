package dev.couchannel.platform.messaging;

import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics a service publishes to or reads, so that they exist before the first message and
 * whichever service starts first creates them alike: every event, command and reply topic has the same
 * number of partitions (messages are keyed by booking or session, so the partitions keep their order).
 */
public final class KafkaTopics {

    /** Partitions of every couchannel topic. */
    public static final int PARTITIONS = 4;

    private KafkaTopics() {}

    /** The topics, for Spring Kafka's admin to create when missing (a bean of this type). */
    public static KafkaAdmin.NewTopics declare(String... names) {
        return new KafkaAdmin.NewTopics(Arrays.stream(names)
                .map(name -> TopicBuilder.name(name).partitions(PARTITIONS).build())
                .toArray(NewTopic[]::new));
    }
}
