package dev.couchannel.identity.audit.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.audit.v1.AuditRecorded;
import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Keeps other services' audit events ({@code couchannel.audit.events}) in identity's audit log, so that an admin
 * reads logins, role changes and admin cancellations in one place ({@code GET /api/admin/audit}). Each event is
 * recorded once: its CloudEvent id goes through the inbox, and becomes the entry's id.
 */
@Component
class AuditEventsListener {

    static final String CONSUMER = "identity.audit";

    private final Inbox inbox;
    private final AuditLog log;

    AuditEventsListener(Inbox inbox, AuditLog log) {
        this.inbox = inbox;
        this.log = log;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.AUDIT_EVENTS, groupId = "identity")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::record);
    }

    private void record(CloudEvent event) {
        if (!"couchannel.audit.v1.AuditRecorded".equals(event.type())) {
            throw new PoisonMessage("identity's audit log does not handle " + event.type());
        }
        AuditRecorded recorded = ProtobufEvents.unwrap(event, AuditRecorded.parser());
        Map<String, Object> details = new LinkedHashMap<>(recorded.getDetailsMap());
        details.put("action", recorded.getAction());
        details.put("source", event.source());
        log.record(new AuditEvent(
                UUID.nameUUIDFromBytes(event.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Instant.ofEpochSecond(
                        recorded.getAt().getSeconds(), recorded.getAt().getNanos()),
                typeOf(recorded.getAction()),
                recorded.getActor(),
                recorded.getSubject(),
                details));
    }

    static AuditEvent.Type typeOf(String action) {
        return switch (action) {
            case "booking.cancelled-by-admin" -> AuditEvent.Type.BOOKING_CANCELLED_BY_ADMIN;
            default -> AuditEvent.Type.SERVICE_EVENT;
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class AuditTopic {

        @Bean
        KafkaAdmin.NewTopics auditEventsListenerTopics() {
            return KafkaTopics.declare(Topics.AUDIT_EVENTS);
        }
    }
}
