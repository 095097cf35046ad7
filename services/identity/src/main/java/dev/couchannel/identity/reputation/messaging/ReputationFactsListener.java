package dev.couchannel.identity.reputation.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.GuestNoShow;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.contracts.review.v1.ReviewPosted;
import dev.couchannel.contracts.review.v1.ReviewReplied;
import dev.couchannel.identity.reputation.ReputationFacts;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts of reputation (ADR 20) from review's, inventory's and booking's events, each once
 * through the {@link Inbox} (and each write an upsert keyed by its fact, so even a replay past the
 * inbox changes nothing). Every other event of those topics is skipped before any database work.
 */
@Component
class ReputationFactsListener {

    static final String CONSUMER = "identity.reputation";

    static final Set<String> FACTS = Set.of(
            "couchannel.review.v1.RatingChanged",
            "couchannel.review.v1.ReviewPosted",
            "couchannel.review.v1.ReviewReplied",
            "couchannel.inventory.v1.SessionPublished",
            "couchannel.inventory.v1.SessionCancelled",
            "couchannel.booking.v1.BookingConfirmed",
            "couchannel.booking.v1.BookingCancelled",
            "couchannel.booking.v1.GuestNoShow");

    private final Inbox inbox;
    private final ReputationFacts facts;

    ReputationFactsListener(Inbox inbox, ReputationFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @KafkaListener(
            id = CONSUMER,
            groupId = "identity-reputation",
            topics = {Topics.REVIEW_EVENTS, Topics.INVENTORY_EVENTS, Topics.BOOKING_EVENTS})
    void on(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !FACTS.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        inbox.receive(CONSUMER, record, this::handle);
    }

    private void handle(CloudEvent event) {
        switch (event.type()) {
            case "couchannel.review.v1.RatingChanged" -> {
                RatingChanged e = ProtobufEvents.unwrap(event, RatingChanged.parser());
                facts.ratingChanged(
                        event.uuid(e.getVenueId()), user(e.getHostId()), e.getAverage(), e.getCount(), e.getVersion());
            }
            case "couchannel.review.v1.ReviewPosted" -> {
                ReviewPosted e = ProtobufEvents.unwrap(event, ReviewPosted.parser());
                facts.reviewPosted(event.uuid(e.getReviewId()), user(e.getHostId()), WireTime.toInstant(e.getAt()));
            }
            case "couchannel.review.v1.ReviewReplied" -> {
                ReviewReplied e = ProtobufEvents.unwrap(event, ReviewReplied.parser());
                facts.reviewReplied(event.uuid(e.getReviewId()), user(e.getHostId()), WireTime.toInstant(e.getAt()));
            }
            case "couchannel.inventory.v1.SessionPublished" -> {
                SessionPublished e = ProtobufEvents.unwrap(event, SessionPublished.parser());
                facts.sessionPublished(
                        event.uuid(e.getSessionId()), user(e.getHostId()), WireTime.toInstant(e.getKickoff()));
            }
            case "couchannel.inventory.v1.SessionCancelled" -> {
                SessionCancelled e = ProtobufEvents.unwrap(event, SessionCancelled.parser());
                // a postponed fixture is force majeure: it costs the host nothing, here as in payment
                facts.sessionCancelled(
                        event.uuid(e.getSessionId()),
                        user(e.getHostId()),
                        e.getCause() != SessionCancellationCause.FIXTURE_POSTPONED);
            }
            case "couchannel.booking.v1.BookingConfirmed" -> {
                BookingConfirmed e = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                facts.bookingConfirmed(
                        event.uuid(e.getBookingId()), event.uuid(e.getSessionId()), user(e.getGuestId()));
            }
            case "couchannel.booking.v1.BookingCancelled" -> {
                BookingCancelled e = ProtobufEvents.unwrap(event, BookingCancelled.parser());
                facts.bookingCancelled(
                        event.uuid(e.getBookingId()), event.uuid(e.getSessionId()), user(e.getGuestId()));
            }
            case "couchannel.booking.v1.GuestNoShow" -> {
                GuestNoShow e = ProtobufEvents.unwrap(event, GuestNoShow.parser());
                facts.guestNoShow(event.uuid(e.getBookingId()), event.uuid(e.getSessionId()), user(e.getGuestId()));
            }
            default -> throw new PoisonMessage("reputation does not handle " + event.type());
        }
    }

    /** Users are named by e-mail address, lower case, as the tokens name them (ADR 12). */
    private static String user(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    @Configuration(proxyBeanMethods = false)
    static class ReputationTopics {

        @Bean
        KafkaAdmin.NewTopics reputationFactsListenerTopics() {
            return KafkaTopics.declare(Topics.REVIEW_EVENTS, Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS);
        }
    }
}
