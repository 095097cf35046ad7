package dev.couchannel.analytics.figures.messaging;

import dev.couchannel.analytics.figures.application.FactsFromEvents;
import dev.couchannel.analytics.figures.application.RebuildFromLog;
import dev.couchannel.contracts.Topics;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The live read model: booking, inventory and hosting events, each once through the {@link Inbox},
 * written in the inbox transaction (and into the copy a running rebuild fills, see {@link
 * RebuildFromLog}).
 */
@Component
class FactsListener {

    static final String CONSUMER = "analytics.facts";

    private final Inbox inbox;
    private final RebuildFromLog readModel;

    FactsListener(Inbox inbox, RebuildFromLog readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @KafkaListener(
            id = CONSUMER,
            idIsGroup = false,
            topics = {Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS},
            autoStartup = "${couchannel.analytics.consume:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !FactsFromEvents.TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            // seat changes, holds, requests, waitlists: the bulk of these topics in a rush
            return;
        }
        inbox.receive(CONSUMER, record, event -> FactsFromEvents.of(event).ifPresent(readModel::applyLive));
    }

    @Configuration(proxyBeanMethods = false)
    static class FactTopics {

        @Bean
        KafkaAdmin.NewTopics factsListenerTopics() {
            return KafkaTopics.declare(
                    Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS, Topics.ANALYTICS_EVENTS);
        }
    }
}
