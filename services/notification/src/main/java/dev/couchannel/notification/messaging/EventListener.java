package dev.couchannel.notification.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.BookingRejected;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.notification.facts.FactsSource;
import dev.couchannel.notification.facts.FactsUnavailable;
import dev.couchannel.notification.facts.SessionFacts;
import dev.couchannel.notification.realtime.Realtime;
import dev.couchannel.notification.reminders.Reminders;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Consumes booking, inventory, review and analytics (survey) events exactly once through the platform {@link Inbox}: the
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
    private final Realtime realtime;

    EventListener(
            Inbox inbox,
            FactsSource facts,
            Notifier notifier,
            DeferredEvents deferred,
            Reminders reminders,
            Realtime realtime) {
        this.realtime = realtime;
        this.inbox = inbox;
        this.facts = facts;
        this.notifier = notifier;
        this.deferred = deferred;
        this.reminders = reminders;
    }

    @KafkaListener(
            id = CONSUMER,
            idIsGroup = false,
            topics = {Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS, Topics.REVIEW_EVENTS, Topics.ANALYTICS_EVENTS},
            autoStartup = "${couchannel.notification.consume:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.prepareThenReceive(CONSUMER, record, this::prepare);
    }

    private Inbox.Completion prepare(CloudEvent event) {
        announce(event);
        return work(event);
    }

    /**
     * Tells the connected clients (through every instance) at once: the event is already a fact
     * at its producer, so it need not wait for this service's mails and reminders to commit. A
     * redelivered event may be streamed twice; the status it carries is the same.
     */
    private void announce(CloudEvent event) {
        switch (event.type()) {
            case "couchannel.booking.v1.BookingConfirmed" -> {
                BookingConfirmed e = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                booking(e.getGuestId(), e.getBookingId(), e.getSessionId(), "CONFIRMED");
            }
            case "couchannel.booking.v1.BookingRejected" -> {
                BookingRejected e = ProtobufEvents.unwrap(event, BookingRejected.parser());
                booking(e.getGuestId(), e.getBookingId(), e.getSessionId(), "REJECTED");
            }
            case "couchannel.booking.v1.BookingCancelled" -> {
                BookingCancelled e = ProtobufEvents.unwrap(event, BookingCancelled.parser());
                booking(e.getGuestId(), e.getBookingId(), e.getSessionId(), "CANCELLED");
            }
            case "couchannel.inventory.v1.SeatAvailabilityChanged" -> {
                SeatAvailabilityChanged e = ProtobufEvents.unwrap(event, SeatAvailabilityChanged.parser());
                realtime.publish(
                        Realtime.session(e.getSessionId()),
                        "seats",
                        Map.of(
                                "sessionId",
                                e.getSessionId(),
                                "seatsLeft",
                                e.getSeatsFree(),
                                "capacity",
                                e.getCapacity()));
            }
            default -> {
                // nothing to stream
            }
        }
    }

    private void booking(String guest, String bookingId, String sessionId, String status) {
        realtime.publish(
                Realtime.user(guest.toLowerCase(Locale.ROOT)),
                "booking",
                Map.of("bookingId", bookingId, "sessionId", sessionId, "status", status));
    }

    private Inbox.Completion work(CloudEvent event) {
        if (event.type().equals("couchannel.review.v1.RatingChanged")) {
            RatingChanged rating = ProtobufEvents.unwrap(event, RatingChanged.parser());
            return () -> notifier.rated(rating);
        }
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
        KafkaAdmin.NewTopics eventListenerTopics() {
            return KafkaTopics.declare(
                    Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS, Topics.REVIEW_EVENTS, Topics.ANALYTICS_EVENTS);
        }
    }
}
