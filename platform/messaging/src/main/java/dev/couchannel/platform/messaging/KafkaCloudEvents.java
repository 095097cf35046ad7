package dev.couchannel.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link CloudEvent}s to Kafka records in the binary content mode of the CloudEvents Kafka
 * protocol binding: attributes travel as {@code ce_*} headers, data as the record value, the
 * subject as the record key.
 */
public final class KafkaCloudEvents {

    static final String SPEC_VERSION = "1.0";

    private KafkaCloudEvents() {}

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
        Headers headers = new RecordHeaders();
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", event.id());
        put(headers, "ce_source", event.source());
        put(headers, "ce_type", event.type());
        put(headers, "ce_subject", event.subject());
        put(headers, "ce_time", event.time().toString());
        put(headers, "content-type", event.dataContentType());
        if (event.traceparent() != null) {
            put(headers, "ce_traceparent", event.traceparent());
        }
        return new ProducerRecord<>(topic, null, event.subject(), event.data(), headers);
    }

    /**
     * Reads the envelope of a record.
     *
     * @throws PoisonMessage when the record is not a CloudEvent; retrying cannot fix that
     */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String id = required(headers, "ce_id", record);
        String time = required(headers, "ce_time", record);
        if (record.value() == null) {
            throw new PoisonMessage("record " + record.topic() + "@" + record.offset() + " has no data");
        }
        try {
            return new CloudEvent(
                    id,
                    required(headers, "ce_source", record),
                    required(headers, "ce_type", record),
                    required(headers, "ce_subject", record),
                    Instant.parse(time),
                    get(headers, "ce_traceparent"),
                    required(headers, "content-type", record),
                    record.value());
        } catch (DateTimeParseException e) {
            throw new PoisonMessage("record " + record.topic() + "@" + record.offset() + " has a bad ce_time");
        }
    }

    private static String required(Headers headers, String name, ConsumerRecord<?, ?> record) {
        String value = get(headers, name);
        if (value == null) {
            throw new PoisonMessage(
                    "record " + record.topic() + "@" + record.offset() + " is not a CloudEvent: no " + name);
        }
        return value;
    }

    private static @Nullable String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
