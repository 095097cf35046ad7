package dev.couchannel.payment.intent.application;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Payment's answers to the booking service: the saga's replies, refund failures reported by the
 * provider later, and refunds resolved by hand. Each goes through the outbox, in the transaction of
 * the change it reports, keyed by booking so that a booking's replies stay in order.
 */
@Component
class BookingReplies {

    static final String SOURCE = "payment";

    private final Outbox outbox;
    private final Clock clock;

    BookingReplies(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void send(UUID bookingId, Message reply) {
        send(bookingId, reply, clock.instant());
    }

    void send(UUID bookingId, Message reply, Instant at) {
        outbox.append(Topics.BOOKING_REPLIES, ProtobufEvents.wrap(SOURCE, bookingId.toString(), reply, at));
    }
}
