package dev.couchannel.payment.intent.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.payment.v1.AuthorizePayment;
import dev.couchannel.contracts.payment.v1.CapturePayment;
import dev.couchannel.contracts.payment.v1.RefundPayment;
import dev.couchannel.contracts.payment.v1.VoidPayment;
import dev.couchannel.payment.intent.application.PaymentCommands;
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
 * Receives the booking saga's payment commands, in order per booking. The provider is called
 * before the inbox transaction opens (see {@link PaymentCommands}); the outcome, the ledger entry
 * and the reply are committed with the inbox entry, so a redelivered message replies once.
 */
@Component
class PaymentCommandListener {

    static final String CONSUMER = "payment.commands";

    private final Inbox inbox;
    private final PaymentCommands payments;

    PaymentCommandListener(Inbox inbox, PaymentCommands payments) {
        this.inbox = inbox;
        this.payments = payments;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PAYMENT_COMMANDS, groupId = "payment")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.prepareThenReceive(CONSUMER, record, this::prepare);
    }

    private Inbox.Completion prepare(CloudEvent event) {
        return switch (event.type()) {
            case "couchannel.payment.v1.AuthorizePayment" ->
                payments.authorize(ProtobufEvents.unwrap(event, AuthorizePayment.parser()));
            case "couchannel.payment.v1.CapturePayment" ->
                payments.capture(ProtobufEvents.unwrap(event, CapturePayment.parser()));
            case "couchannel.payment.v1.VoidPayment" ->
                payments.voidPayment(ProtobufEvents.unwrap(event, VoidPayment.parser()));
            case "couchannel.payment.v1.RefundPayment" ->
                payments.refund(ProtobufEvents.unwrap(event, RefundPayment.parser()));
            default -> throw new PoisonMessage("payment does not handle " + event.type());
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class PaymentTopics {

        @Bean
        KafkaAdmin.NewTopics paymentCommandListenerTopics() {
            return KafkaTopics.declare(Topics.PAYMENT_COMMANDS, Topics.BOOKING_REPLIES);
        }
    }
}
