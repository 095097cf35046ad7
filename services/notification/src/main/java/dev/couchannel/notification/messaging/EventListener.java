package dev.couchannel.notification.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.notification.facts.FactsSource;
import dev.couchannel.notification.facts.FactsUnavailable;
import dev.couchannel.notification.facts.SessionFacts;
import dev.couchannel.notification.reminders.Reminders;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * Consumes booking and inventory events exactly once through the platform {@link Inbox}: the
 * session's facts are read (gRPC) before the inbox transaction opens; the in-app entry, the queued
 * mail and the reminders commit with the inbox row. Facts that cannot be read park the event in
 * {@link DeferredEvents}, in that same transaction.
 */
@Component
class EventListener {

    static final String CONSUMER = "notification.events";

    private final Inbox inbox;
    private final FactsSource facts;
    private final Notifier notifier;
    private final DeferredEvents deferred;
    private final Reminders reminders;

    EventListener(Inbox inbox, FactsSource facts, Notifier notifier, DeferredEvents deferred, Reminders reminders) {
        this.inbox = inbox;
        this.facts = facts;
        this.notifier = notifier;
        this.deferred = deferred;
        this.reminders = reminders;
    }

    @KafkaListener(
            id = CONSUMER,
            idIsGroup = false,
            topics = {Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS},
            autoStartup = "${couchannel.notification.consume:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.prepareThenReceive(CONSUMER, record, this::prepare);
    }

    private Inbox.Completion prepare(CloudEvent event) {
        if (event.type().equals("couchannel.inventory.v1.SessionCancelled")) {
            String session =
                    ProtobufEvents.unwrap(event, SessionCancelled.parser()).getSessionId();
            return () -> reminders.cancelSession(session);
        }
        String session = Notifier.sessionOf(event);
        if (session == null) {
            return () -> {};
        }
        Inbox.Completion first = event.type().equals("couchannel.booking.v1.BookingCancelled")
                ? () -> reminders.cancelBooking(
                        ProtobufEvents.unwrap(event, BookingCancelled.parser()).getBookingId())
                : () -> {};
        SessionFacts found;
        try {
            found = facts.session(session);
        } catch (FactsUnavailable e) {
            return () -> {
                first.complete();
                deferred.defer(event, e.getMessage());
            };
        }
        return () -> {
            first.complete();
            notifier.handle(event, found);
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class EventTopics {

        @Bean
        NewTopic bookingEventsTopic() {
            return TopicBuilder.name(Topics.BOOKING_EVENTS).partitions(4).build();
        }

        @Bean
        NewTopic inventoryEventsTopic() {
            return TopicBuilder.name(Topics.INVENTORY_EVENTS).partitions(4).build();
        }
    }
}
