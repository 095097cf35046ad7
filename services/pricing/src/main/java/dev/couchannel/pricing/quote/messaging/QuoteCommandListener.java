package dev.couchannel.pricing.quote.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.pricing.v1.ConfirmQuote;
import dev.couchannel.contracts.pricing.v1.ReleaseQuote;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.pricing.quote.application.QuoteCommands;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Receives the booking saga's pricing commands, once each (inbox), in order per booking. */
@Component
class QuoteCommandListener {

    static final String CONSUMER = "pricing.quote-commands";

    private final Inbox inbox;
    private final QuoteCommands quotes;

    QuoteCommandListener(Inbox inbox, QuoteCommands quotes) {
        this.inbox = inbox;
        this.quotes = quotes;
    }

    /** Pricing a booking reads the session over gRPC: that happens before the inbox transaction opens. */
    @KafkaListener(id = CONSUMER, topics = Topics.PRICING_COMMANDS, groupId = "pricing")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.prepareThenReceive(CONSUMER, record, this::prepare);
    }

    private Inbox.Completion prepare(CloudEvent event) {
        return switch (event.type()) {
            case "couchannel.pricing.v1.ConfirmQuote" ->
                quotes.confirm(ProtobufEvents.unwrap(event, ConfirmQuote.parser()));
            case "couchannel.pricing.v1.ReleaseQuote" -> {
                ReleaseQuote release = ProtobufEvents.unwrap(event, ReleaseQuote.parser());
                yield () -> quotes.release(release);
            }
            default -> throw new PoisonMessage("pricing does not handle " + event.type());
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class PricingTopics {

        @Bean
        KafkaAdmin.NewTopics quoteCommandListenerTopics() {
            return KafkaTopics.declare(Topics.PRICING_COMMANDS, Topics.BOOKING_REPLIES);
        }
    }
}
