package dev.couchannel.compliance.rules.messaging;

import dev.couchannel.compliance.rules.application.ComplianceChecks;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.compliance.v1.CheckBooking;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Receives the booking saga's compliance checks. The facts are read before the inbox transaction
 * opens (see {@link ComplianceChecks}); the verdict and the reply commit with the inbox entry.
 */
@Component
class CheckBookingListener {

    static final String CONSUMER = "compliance.commands";

    private final Inbox inbox;
    private final ComplianceChecks checks;

    CheckBookingListener(Inbox inbox, ComplianceChecks checks) {
        this.inbox = inbox;
        this.checks = checks;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.COMPLIANCE_COMMANDS, groupId = "compliance")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.prepareThenReceive(CONSUMER, record, this::prepare);
    }

    private Inbox.Completion prepare(CloudEvent event) {
        return switch (event.type()) {
            case "couchannel.compliance.v1.CheckBooking" ->
                checks.checkBooking(ProtobufEvents.unwrap(event, CheckBooking.parser()));
            default -> throw new PoisonMessage("compliance does not handle " + event.type());
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class ComplianceTopics {

        @Bean
        KafkaAdmin.NewTopics checkBookingListenerTopics() {
            return KafkaTopics.declare(Topics.COMPLIANCE_COMMANDS, Topics.BOOKING_REPLIES);
        }
    }
}
