package dev.couchannel.review.review.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.review.review.persistence.JdbcAttendances;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts a review needs (who booked which session, where and when the session is) from
 * booking's and inventory's events, once each through the {@link Inbox}: eligibility is then
 * decided locally, with no call to another service.
 */
@Component
class FactsListener {

    static final String CONSUMER = "review.facts";

    private final Inbox inbox;
    private final JdbcAttendances attendances;

    FactsListener(Inbox inbox, JdbcAttendances attendances) {
        this.inbox = inbox;
        this.attendances = attendances;
    }

    @KafkaListener(
            id = CONSUMER,
            idIsGroup = false,
            topics = {Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS})
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::handle);
    }

    private void handle(CloudEvent event) {
        switch (event.type()) {
            case "couchannel.booking.v1.BookingConfirmed" -> {
                BookingConfirmed e = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                attendances.bookingConfirmed(
                        uuid(e.getBookingId(), event), uuid(e.getSessionId(), event), user(e.getGuestId()));
            }
            case "couchannel.booking.v1.BookingCancelled" -> {
                BookingCancelled e = ProtobufEvents.unwrap(event, BookingCancelled.parser());
                attendances.bookingCancelled(
                        uuid(e.getBookingId(), event), uuid(e.getSessionId(), event), user(e.getGuestId()));
            }
            case "couchannel.inventory.v1.SessionPublished" -> {
                SessionPublished e = ProtobufEvents.unwrap(event, SessionPublished.parser());
                attendances.sessionPublished(
                        uuid(e.getSessionId(), event),
                        uuid(e.getVenueId(), event),
                        user(e.getHostId()),
                        WireTime.toInstant(e.getKickoff()));
            }
            case "couchannel.inventory.v1.SessionCancelled" -> {
                SessionCancelled e = ProtobufEvents.unwrap(event, SessionCancelled.parser());
                attendances.sessionCancelled(uuid(e.getSessionId(), event));
            }
            default -> {
                // seats, holds, waitlists, requests and rejections: nothing a review depends on
            }
        }
    }

    /** Users are stored by e-mail address, lower case, as the tokens name them (ADR 12). */
    private static String user(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static UUID uuid(String value, CloudEvent event) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage(event.type() + " " + event.id() + " names '" + value + "', not a UUID", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FactTopics {

        @Bean
        NewTopic bookingEventsTopic() {
            return TopicBuilder.name(Topics.BOOKING_EVENTS).partitions(4).build();
        }

        @Bean
        NewTopic inventoryEventsTopic() {
            return TopicBuilder.name(Topics.INVENTORY_EVENTS).partitions(4).build();
        }

        @Bean
        NewTopic reviewEventsTopic() {
            return TopicBuilder.name(Topics.REVIEW_EVENTS).partitions(4).build();
        }
    }
}
