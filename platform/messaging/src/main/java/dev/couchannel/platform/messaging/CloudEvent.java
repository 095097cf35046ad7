package dev.couchannel.platform.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of every couchannel message (CloudEvents 1.0 attributes). {@code type} is a stable
 * contract name such as {@code couchannel.inventory.v1.SeatsHeld}, never a Java class name;
 * {@code data} is the Protobuf encoding of that contract message.
 *
 * @param id unique per message; the inbox deduplicates on it
 * @param source the service that produced the message, e.g. {@code booking}
 * @param subject the aggregate the message is about (also the Kafka partition key)
 * @param traceparent W3C trace context of the producing request, if any
 */
public record CloudEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        @Nullable String traceparent,
        String dataContentType,
        byte[] data) {

    public static final String PROTOBUF = "application/protobuf";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataContentType, "dataContentType");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id, to be traced from the current span when it is appended. */
    public static CloudEvent of(String source, String type, String subject, Instant time, byte[] data) {
        return new CloudEvent(UUID.randomUUID().toString(), source, type, subject, time, null, PROTOBUF, data);
    }

    /**
     * The id {@code value} that this event's payload names, as a UUID; a malformed one makes the event a {@link
     * PoisonMessage} (retrying cannot mend it).
     */
    public UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage(type + " " + id + " names '" + value + "', not a UUID", e);
        }
    }

    CloudEvent withTraceparent(@Nullable String value) {
        return new CloudEvent(id, source, type, subject, time, value, dataContentType, data);
    }
}
