package dev.couchannel.payment.payout.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.payment.payout.SessionFacts;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Learns each session's host and kickoff from inventory's {@code SessionPublished} (and its
 * cancellation from {@code SessionCancelled}), once each through the {@link Inbox}: payouts then
 * decide locally, with the injected clock, when a session's money becomes payable.
 */
@Component
class SessionFactsListener {

    static final String CONSUMER = "payment.session-facts";

    static final Set<String> FACTS =
            Set.of("couchannel.inventory.v1.SessionPublished", "couchannel.inventory.v1.SessionCancelled");

    private final Inbox inbox;
    private final SessionFacts sessions;

    SessionFactsListener(Inbox inbox, SessionFacts sessions) {
        this.inbox = inbox;
        this.sessions = sessions;
    }

    @KafkaListener(id = CONSUMER, groupId = "payment.session-facts", topics = Topics.INVENTORY_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !FACTS.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return; // seat changes and waitlists: most of the topic
        }
        inbox.receive(CONSUMER, record, this::handle);
    }

    private void handle(CloudEvent event) {
        switch (event.type()) {
            case "couchannel.inventory.v1.SessionPublished" -> {
                SessionPublished e = ProtobufEvents.unwrap(event, SessionPublished.parser());
                sessions.published(e.getSessionId(), e.getHostId(), WireTime.toInstant(e.getKickoff()), event.time());
            }
            case "couchannel.inventory.v1.SessionCancelled" -> {
                SessionCancelled e = ProtobufEvents.unwrap(event, SessionCancelled.parser());
                sessions.cancelled(e.getSessionId(), e.getHostId(), event.time());
            }
            default -> {
                // other inventory events carry nothing payouts need
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PayoutTopics {

        @Bean
        KafkaAdmin.NewTopics sessionFactsListenerTopics() {
            return KafkaTopics.declare(Topics.INVENTORY_EVENTS, Topics.PAYMENT_EVENTS);
        }
    }
}
