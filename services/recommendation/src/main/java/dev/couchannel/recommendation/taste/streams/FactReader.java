package dev.couchannel.recommendation.taste.streams;

import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.PoisonMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CloudEvent of a record (binary mode: {@code ce_*} headers, Protobuf value) and forwards
 * its {@link Fact}, keeping the record's key. Event types the topology does not use are skipped
 * before parsing; a record that is not a CloudEvent or does not parse is logged and skipped (no
 * retry can mend it, and it must not stop the topology).
 */
final class FactReader implements FixedKeyProcessor<String, byte[], Fact> {

    private static final Logger log = LoggerFactory.getLogger(FactReader.class);

    private @Nullable FixedKeyProcessorContext<String, Fact> context;

    @Override
    public void init(FixedKeyProcessorContext<String, Fact> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String type = header(headers, "ce_type");
        if (type == null || !EventFacts.TYPES.contains(type) || record.value() == null) {
            return;
        }
        try {
            CloudEvent event = new CloudEvent(
                    required(headers, "ce_id"),
                    required(headers, "ce_source"),
                    type,
                    required(headers, "ce_subject"),
                    Instant.parse(required(headers, "ce_time")),
                    header(headers, "ce_traceparent"),
                    required(headers, "content-type"),
                    record.value());
            EventFacts.of(event).ifPresent(fact -> context().forward(record.withValue(fact)));
        } catch (PoisonMessage | DateTimeParseException e) {
            log.warn("Skipped a {} record with key {}: {}", type, record.key(), e.getMessage());
        }
    }

    private FixedKeyProcessorContext<String, Fact> context() {
        if (context == null) {
            throw new IllegalStateException("not initialised");
        }
        return context;
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new PoisonMessage("not a CloudEvent: no " + name);
        }
        return value;
    }

    private static @Nullable String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
