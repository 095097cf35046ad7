package dev.couchannel.inventory.seating.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.inventory.v1.ConfirmSeats;
import dev.couchannel.contracts.inventory.v1.HoldSeats;
import dev.couchannel.contracts.inventory.v1.ReleaseSeats;
import dev.couchannel.inventory.seating.application.SeatCommands;
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

/** Receives the booking saga's seat commands, once each (inbox), in order per session. */
@Component
class SeatCommandListener {

    static final String CONSUMER = "inventory.seat-commands";

    private final Inbox inbox;
    private final SeatCommands seats;

    SeatCommandListener(Inbox inbox, SeatCommands seats) {
        this.inbox = inbox;
        this.seats = seats;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.INVENTORY_COMMANDS, groupId = "inventory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::dispatch);
    }

    private void dispatch(CloudEvent event) {
        switch (event.type()) {
            case "couchannel.inventory.v1.HoldSeats" -> seats.hold(ProtobufEvents.unwrap(event, HoldSeats.parser()));
            case "couchannel.inventory.v1.ConfirmSeats" ->
                seats.confirm(ProtobufEvents.unwrap(event, ConfirmSeats.parser()));
            case "couchannel.inventory.v1.ReleaseSeats" ->
                seats.release(ProtobufEvents.unwrap(event, ReleaseSeats.parser()));
            default -> throw new PoisonMessage("inventory does not handle " + event.type());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InventoryTopics {

        @Bean
        KafkaAdmin.NewTopics seatCommandListenerTopics() {
            return KafkaTopics.declare(Topics.INVENTORY_COMMANDS, Topics.INVENTORY_EVENTS, Topics.BOOKING_REPLIES);
        }
    }
}
