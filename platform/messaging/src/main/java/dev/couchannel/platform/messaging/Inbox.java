package dev.couchannel.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import java.util.function.Function;
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
     * The second step of a two-step handler (see {@link #prepareThenReceive}): the state change,
     * run in the inbox transaction.
     */
    @FunctionalInterface
    public interface Completion {
        void complete();
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
        return receive(consumer, KafkaCloudEvents.fromRecord(record), handler);
    }

    /**
     * For handlers whose slow part (a payment provider call, a gRPC read) must not hold a database
     * transaction open: {@code prepare} runs first, outside any transaction, and its
     * {@link Completion} then runs in the inbox transaction. A message already processed is
     * dropped before {@code prepare}, so a redelivery costs no second call; one that slips past that
     * check (delivered twice at once) is still dropped by the inbox insert, and {@code prepare} must
     * therefore be safe to repeat.
     *
     * @return true when the completion ran, false for a duplicate
     * @throws PoisonMessage when the record is not a CloudEvent
     */
    public boolean prepareThenReceive(
            String consumer, ConsumerRecord<String, byte[]> record, Function<CloudEvent, Completion> prepare) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        boolean seen = jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox WHERE consumer = :consumer AND message_id = :id)")
                .param("consumer", consumer)
                .param("id", event.id())
                .query(Boolean.class)
                .single();
        if (seen) {
            count(consumer, false);
            return false;
        }
        Completion completion = prepare.apply(event);
        return receive(consumer, event, ignored -> completion.complete());
    }

    private boolean receive(String consumer, CloudEvent event, Consumer<CloudEvent> handler) {
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
        count(consumer, ran);
        return ran;
    }

    private void count(String consumer, boolean processed) {
        Counter.builder("couchannel.inbox.messages")
                .tag("consumer", consumer)
                .tag("outcome", processed ? "processed" : "duplicate")
                .register(meters)
                .increment();
    }
}
