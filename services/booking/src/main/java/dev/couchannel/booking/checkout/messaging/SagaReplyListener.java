package dev.couchannel.booking.checkout.messaging;

import dev.couchannel.booking.checkout.SagaReply;
import dev.couchannel.booking.checkout.application.SagaCoordinator;
import dev.couchannel.booking.reservation.Money;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.compliance.v1.BookingAllowed;
import dev.couchannel.contracts.compliance.v1.BookingRefused;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmationFailed;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmed;
import dev.couchannel.contracts.inventory.v1.SeatsHeld;
import dev.couchannel.contracts.inventory.v1.SeatsReleased;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.contracts.payment.v1.PaymentAuthorized;
import dev.couchannel.contracts.payment.v1.PaymentCaptureFailed;
import dev.couchannel.contracts.payment.v1.PaymentCaptured;
import dev.couchannel.contracts.payment.v1.PaymentDeclined;
import dev.couchannel.contracts.payment.v1.PaymentRefundFailed;
import dev.couchannel.contracts.payment.v1.PaymentRefundResolved;
import dev.couchannel.contracts.payment.v1.PaymentRefunded;
import dev.couchannel.contracts.payment.v1.PaymentVoided;
import dev.couchannel.contracts.pricing.v1.QuoteConfirmed;
import dev.couchannel.contracts.pricing.v1.QuoteRejected;
import dev.couchannel.contracts.pricing.v1.QuoteReleased;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Receives participants' replies once each (inbox) and hands them to the saga coordinator. */
@Component
class SagaReplyListener {

    static final String CONSUMER = "booking.replies";

    private final Inbox inbox;
    private final SagaCoordinator coordinator;

    SagaReplyListener(Inbox inbox, SagaCoordinator coordinator) {
        this.inbox = inbox;
        this.coordinator = coordinator;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.BOOKING_REPLIES, groupId = "booking")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, event -> coordinator.onReply(UUID.fromString(event.subject()), toReply(event)));
    }

    static SagaReply toReply(CloudEvent event) {
        return switch (event.type()) {
            case "couchannel.inventory.v1.SeatsHeld" -> {
                SeatsHeld held = ProtobufEvents.unwrap(event, SeatsHeld.parser());
                yield new SagaReply.SeatsHeld(WireTime.toInstant(held.getExpiresAt()), held.getHostId());
            }
            case "couchannel.inventory.v1.SeatsUnavailable" ->
                new SagaReply.SeatsUnavailable(
                        ProtobufEvents.unwrap(event, SeatsUnavailable.parser()).getReason());
            case "couchannel.inventory.v1.SeatsConfirmed" -> {
                ProtobufEvents.unwrap(event, SeatsConfirmed.parser());
                yield new SagaReply.SeatsConfirmed();
            }
            case "couchannel.inventory.v1.SeatsConfirmationFailed" ->
                new SagaReply.SeatsConfirmationFailed(ProtobufEvents.unwrap(event, SeatsConfirmationFailed.parser())
                        .getReason());
            case "couchannel.inventory.v1.SeatsReleased" -> {
                ProtobufEvents.unwrap(event, SeatsReleased.parser());
                yield new SagaReply.SeatsReleased();
            }
            case "couchannel.pricing.v1.QuoteConfirmed" -> {
                QuoteConfirmed quote = ProtobufEvents.unwrap(event, QuoteConfirmed.parser());
                yield new SagaReply.QuoteConfirmed(
                        Money.of(quote.getTotal().getAmount(), quote.getTotal().getCurrency()));
            }
            case "couchannel.pricing.v1.QuoteRejected" ->
                new SagaReply.QuoteRejected(
                        ProtobufEvents.unwrap(event, QuoteRejected.parser()).getReason());
            case "couchannel.pricing.v1.QuoteReleased" -> {
                ProtobufEvents.unwrap(event, QuoteReleased.parser());
                yield new SagaReply.QuoteReleased();
            }
            case "couchannel.compliance.v1.BookingAllowed" -> {
                ProtobufEvents.unwrap(event, BookingAllowed.parser());
                yield new SagaReply.BookingAllowed();
            }
            case "couchannel.compliance.v1.BookingRefused" ->
                new SagaReply.BookingRefused(
                        ProtobufEvents.unwrap(event, BookingRefused.parser()).getReason());
            case "couchannel.payment.v1.PaymentAuthorized" -> {
                ProtobufEvents.unwrap(event, PaymentAuthorized.parser());
                yield new SagaReply.PaymentAuthorized();
            }
            case "couchannel.payment.v1.PaymentDeclined" ->
                new SagaReply.PaymentDeclined(
                        ProtobufEvents.unwrap(event, PaymentDeclined.parser()).getReason());
            case "couchannel.payment.v1.PaymentCaptured" -> {
                ProtobufEvents.unwrap(event, PaymentCaptured.parser());
                yield new SagaReply.PaymentCaptured();
            }
            case "couchannel.payment.v1.PaymentCaptureFailed" ->
                new SagaReply.PaymentCaptureFailed(ProtobufEvents.unwrap(event, PaymentCaptureFailed.parser())
                        .getReason());
            case "couchannel.payment.v1.PaymentVoided" -> {
                ProtobufEvents.unwrap(event, PaymentVoided.parser());
                yield new SagaReply.PaymentVoided();
            }
            case "couchannel.payment.v1.PaymentRefunded" -> {
                ProtobufEvents.unwrap(event, PaymentRefunded.parser());
                yield new SagaReply.PaymentRefunded();
            }
            case "couchannel.payment.v1.PaymentRefundFailed" -> {
                PaymentRefundFailed failed = ProtobufEvents.unwrap(event, PaymentRefundFailed.parser());
                yield new SagaReply.PaymentRefundFailed(failed.getCode(), failed.getReason());
            }
            case "couchannel.payment.v1.PaymentRefundResolved" ->
                new SagaReply.PaymentRefundResolved(ProtobufEvents.unwrap(event, PaymentRefundResolved.parser())
                        .getReference());
            default -> throw new PoisonMessage("the booking saga does not handle " + event.type());
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class BookingTopics {

        @Bean
        KafkaAdmin.NewTopics sagaReplyListenerTopics() {
            return KafkaTopics.declare(
                    Topics.BOOKING_EVENTS,
                    Topics.BOOKING_REPLIES,
                    Topics.PRICING_COMMANDS,
                    Topics.COMPLIANCE_COMMANDS,
                    Topics.PAYMENT_COMMANDS,
                    Topics.INVENTORY_COMMANDS);
        }
    }
}
