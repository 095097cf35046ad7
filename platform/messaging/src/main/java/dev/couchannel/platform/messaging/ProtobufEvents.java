package dev.couchannel.platform.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.time.Instant;

/**
 * Wraps contract messages (generated from {@code contracts/proto}) in CloudEvents. The event type
 * is the message's full Protobuf name, e.g. {@code couchannel.inventory.v1.HoldSeats}: stable,
 * versioned by its package, and independent of Java class names.
 */
public final class ProtobufEvents {

    private ProtobufEvents() {}

    public static CloudEvent wrap(String source, String subject, Message message, Instant time) {
        return CloudEvent.of(source, typeOf(message), subject, time, message.toByteArray());
    }

    public static String typeOf(Message message) {
        return message.getDescriptorForType().getFullName();
    }

    /**
     * @throws PoisonMessage when the data does not parse as that message
     */
    public static <T extends Message> T unwrap(CloudEvent event, Parser<T> parser) {
        try {
            return parser.parseFrom(event.data());
        } catch (InvalidProtocolBufferException e) {
            throw new PoisonMessage("data of " + event.type() + " " + event.id() + " does not parse", e);
        }
    }
}
