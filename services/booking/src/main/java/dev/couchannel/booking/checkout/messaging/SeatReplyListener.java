package dev.couchannel.booking.checkout.messaging;

import dev.couchannel.booking.checkout.SeatReply;
import dev.couchannel.booking.checkout.application.SagaCoordinator;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmationFailed;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmed;
import dev.couchannel.contracts.inventory.v1.SeatsHeld;
import dev.couchannel.contracts.inventory.v1.SeatsReleased;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/** Receives participants' replies once each (inbox) and hands them to the saga coordinator. */
@Component
class SeatReplyListener {

    static final String CONSUMER = "booking.replies";

    private final Inbox inbox;
    private final SagaCoordinator coordinator;

    SeatReplyListener(Inbox inbox, SagaCoordinator coordinator) {
        this.inbox = inbox;
        this.coordinator = coordinator;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.BOOKING_REPLIES, groupId = "booking")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, event -> coordinator.onReply(UUID.fromString(event.subject()), toReply(event)));
    }

    static SeatReply toReply(CloudEvent event) {
        return switch (event.type()) {
            case "couchannel.inventory.v1.SeatsHeld" -> {
                SeatsHeld held = ProtobufEvents.unwrap(event, SeatsHeld.parser());
                yield new SeatReply.SeatsHeld(WireTime.toInstant(held.getExpiresAt()));
            }
            case "couchannel.inventory.v1.SeatsUnavailable" ->
                new SeatReply.SeatsUnavailable(
                        ProtobufEvents.unwrap(event, SeatsUnavailable.parser()).getReason());
            case "couchannel.inventory.v1.SeatsConfirmed" -> {
                ProtobufEvents.unwrap(event, SeatsConfirmed.parser());
                yield new SeatReply.SeatsConfirmed();
            }
            case "couchannel.inventory.v1.SeatsConfirmationFailed" ->
                new SeatReply.SeatsConfirmationFailed(ProtobufEvents.unwrap(event, SeatsConfirmationFailed.parser())
                        .getReason());
            case "couchannel.inventory.v1.SeatsReleased" -> {
                ProtobufEvents.unwrap(event, SeatsReleased.parser());
                yield new SeatReply.SeatsReleased();
            }
            default -> throw new PoisonMessage("the booking saga does not handle " + event.type());
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class BookingTopics {

        @Bean
        NewTopic bookingEventsTopic() {
            return TopicBuilder.name(Topics.BOOKING_EVENTS).partitions(4).build();
        }

        @Bean
        NewTopic bookingRepliesTopic() {
            return TopicBuilder.name(Topics.BOOKING_REPLIES).partitions(4).build();
        }

        @Bean
        NewTopic inventoryCommandsTopic() {
            return TopicBuilder.name(Topics.INVENTORY_COMMANDS).partitions(4).build();
        }
    }
}
