package dev.couchannel.hosting.venue.messaging;

import dev.couchannel.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics hosting publishes to, declared up front rather than auto-created on first use. */
@Configuration(proxyBeanMethods = false)
class HostingTopics {

    @Bean
    NewTopic hostingEvents() {
        return TopicBuilder.name(Topics.HOSTING_EVENTS).partitions(4).build();
    }
}
