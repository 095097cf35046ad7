package dev.couchannel.review.review.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.review.review.application.SessionLookup;
import dev.couchannel.review.review.application.SessionLookup.SessionFacts;
import dev.couchannel.review.review.persistence.JdbcAttendances;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts a review needs (who booked which session, where and when the session is) from
 * booking's and inventory's events, once each through the {@link Inbox}: eligibility is then
 * decided locally, with no call to another service. A booking of a session whose
 * {@code SessionPublished} never came (published before this service consumed, or demo data) makes
 * the listener ask inventory once, before the inbox transaction opens.
 */
@Component
class FactsListener {

    static final String CONSUMER = "review.facts";

    /** The only events a review depends on; every other one is skipped before any database work. */
    static final Set<String> FACTS = Set.of(
            "couchannel.booking.v1.BookingConfirmed",
            "couchannel.booking.v1.BookingCancelled",
            "couchannel.inventory.v1.SessionPublished",
            "couchannel.inventory.v1.SessionCancelled");

    private final Inbox inbox;
    private final JdbcAttendances attendances;
    private final SessionLookup sessions;

    FactsListener(Inbox inbox, JdbcAttendances attendances, SessionLookup sessions) {
        this.inbox = inbox;
        this.attendances = attendances;
        this.sessions = sessions;
    }

    @KafkaListener(
            id = CONSUMER,
            idIsGroup = false,
            topics = {Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS})
    void on(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !FACTS.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            // seat changes, holds, requests, rejections, waitlists: the bulk of both topics in a rush
            return;
        }
        inbox.prepareThenReceive(CONSUMER, record, this::prepare);
    }

    private Inbox.Completion prepare(CloudEvent event) {
        if (!event.type().equals("couchannel.booking.v1.BookingConfirmed")) {
            return () -> handle(event);
        }
        UUID session = event.uuid(
                ProtobufEvents.unwrap(event, BookingConfirmed.parser()).getSessionId());
        Optional<SessionFacts> missing = attendances.sessionKnown(session) ? Optional.empty() : sessions.find(session);
        return () -> {
            missing.ifPresent(facts -> {
                attendances.sessionPublished(facts.sessionId(), facts.venueId(), facts.hostId(), facts.kickoff());
                if (facts.cancelled()) {
                    attendances.sessionCancelled(facts.sessionId());
                }
            });
            handle(event);
        };
    }

    private void handle(CloudEvent event) {
        switch (event.type()) {
            case "couchannel.booking.v1.BookingConfirmed" -> {
                BookingConfirmed e = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                attendances.bookingConfirmed(
                        event.uuid(e.getBookingId()), event.uuid(e.getSessionId()), user(e.getGuestId()));
            }
            case "couchannel.booking.v1.BookingCancelled" -> {
                BookingCancelled e = ProtobufEvents.unwrap(event, BookingCancelled.parser());
                attendances.bookingCancelled(
                        event.uuid(e.getBookingId()), event.uuid(e.getSessionId()), user(e.getGuestId()));
            }
            case "couchannel.inventory.v1.SessionPublished" -> {
                SessionPublished e = ProtobufEvents.unwrap(event, SessionPublished.parser());
                attendances.sessionPublished(
                        event.uuid(e.getSessionId()),
                        event.uuid(e.getVenueId()),
                        user(e.getHostId()),
                        WireTime.toInstant(e.getKickoff()));
            }
            case "couchannel.inventory.v1.SessionCancelled" -> {
                SessionCancelled e = ProtobufEvents.unwrap(event, SessionCancelled.parser());
                attendances.sessionCancelled(event.uuid(e.getSessionId()));
            }
            default -> {
                // unreachable: on() lets only FACTS through
            }
        }
    }

    /** Users are stored by e-mail address, lower case, as the tokens name them (ADR 12). */
    private static String user(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    @Configuration(proxyBeanMethods = false)
    static class FactTopics {

        @Bean
        KafkaAdmin.NewTopics factsListenerTopics() {
            return KafkaTopics.declare(Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS, Topics.REVIEW_EVENTS);
        }
    }
}
