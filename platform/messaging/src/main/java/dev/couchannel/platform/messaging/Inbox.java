package dev.couchannel.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes each message once per consumer: the message id is recorded in the same transaction as
 * the handler's state change, so a redelivery (after a crash, a rebalance or a duplicate publish
 * of the outbox) finds the id and does nothing.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Runs {@code handler} in a new transaction unless {@code consumer} already processed this
     * record's message. A handler that throws rolls back its work and the inbox entry, so the
     * message is retried (and dead-lettered if it keeps failing).
     *
     * @return true when the handler ran, false for a duplicate
     * @throws PoisonMessage when the record is not a CloudEvent
     */
    public boolean receive(String consumer, ConsumerRecord<String, byte[]> record, Consumer<CloudEvent> handler) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        Boolean handled = transactions.execute(status -> {
            int inserted = jdbc.sql(
                            "INSERT INTO inbox (consumer, message_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                    .param("consumer", consumer)
                    .param("id", event.id())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        boolean ran = Boolean.TRUE.equals(handled);
        Counter.builder("couchannel.inbox.messages")
                .tag("consumer", consumer)
                .tag("outcome", ran ? "processed" : "duplicate")
                .register(meters)
                .increment();
        return ran;
    }
}
