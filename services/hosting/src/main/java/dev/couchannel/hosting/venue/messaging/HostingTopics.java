package dev.couchannel.hosting.venue.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.platform.messaging.KafkaTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics hosting publishes to, declared up front rather than auto-created on first use. */
@Configuration(proxyBeanMethods = false)
class HostingTopics {

    @Bean
    KafkaAdmin.NewTopics hostingEventTopics() {
        return KafkaTopics.declare(Topics.HOSTING_EVENTS);
    }
}
