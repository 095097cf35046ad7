package dev.couchannel.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Timestamp;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends messages to the transactional outbox. A message is written in the caller's database
 * transaction, so it exists exactly when the state change it describes was committed; the
 * {@link OutboxRelay} publishes it to Kafka afterwards (at least once).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final @Nullable Tracer tracer;

    public Outbox(JdbcClient jdbc, OutboxRelay relay, @Nullable Tracer tracer) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.tracer = tracer;
    }

    /**
     * Appends a message to be published to {@code topic}, keyed by the event's subject.
     *
     * @throws IllegalStateException when no transaction is active: an outbox row written outside
     *     the state change's transaction would break the "published iff committed" guarantee
     */
    public void append(String topic, CloudEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it describes");
        }
        CloudEvent traced = event.traceparent() == null ? event.withTraceparent(currentTraceparent()) : event;
        jdbc.sql("""
                        INSERT INTO outbox (id, topic, message_key, type, source, subject, time, traceparent, content_type, payload)
                        VALUES (:id, :topic, :key, :type, :source, :subject, :time, :traceparent, :contentType, :payload)
                        """)
                .param("id", UUID.fromString(traced.id()))
                .param("topic", topic)
                .param("key", traced.subject())
                .param("type", traced.type())
                .param("source", traced.source())
                .param("subject", traced.subject())
                .param("time", Timestamp.from(traced.time()))
                .param("traceparent", traced.traceparent())
                .param("contentType", traced.dataContentType())
                .param("payload", traced.data())
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }

    private @Nullable String currentTraceparent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
    }
}
