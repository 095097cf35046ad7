package dev.couchannel.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and deletes them once the broker has
 * acknowledged every record of the batch. Delivery is at least once: a crash between the
 * acknowledgement and the delete publishes the batch again, and consumers drop the duplicates
 * through their {@link Inbox}.
 *
 * <p>One relay per service database is active at a time (a transaction-scoped advisory lock), so
 * the order of rows with the same key survives several instances. It wakes up when a
 * transaction that appended to the outbox commits and otherwise polls.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x0C0C_4A11_0000_0001L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final Clock clock;
    private final Settings settings;
    private final Counter published;
    private final Timer lag;
    private volatile boolean running;
    private volatile @Nullable Thread worker;

    /**
     * @param batchSize rows published per transaction
     * @param pollInterval how long the relay waits for a commit signal before looking anyway
     * @param sendTimeout how long a batch may wait for the broker's acknowledgements
     */
    public record Settings(int batchSize, Duration pollInterval, Duration sendTimeout) {
        public static Settings defaults() {
            return new Settings(500, Duration.ofMillis(250), Duration.ofSeconds(30));
        }
    }

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaOperations<String, byte[]> kafka,
            MeterRegistry meters,
            Clock clock,
            Settings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.clock = clock;
        this.settings = settings;
        this.published = Counter.builder("couchannel.outbox.published")
                .description("messages the outbox relay published")
                .register(meters);
        this.lag = Timer.builder("couchannel.outbox.lag")
                .description("time from an outbox append to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("couchannel.outbox.pending", this, OutboxRelay::pending)
                .description("outbox rows not yet published")
                .register(meters);
    }

    /** Signals that new rows were committed. Cheap; called after every committing append. */
    public void wakeUp() {
        Thread current = worker;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /**
     * Publishes one batch of pending rows.
     *
     * @return how many rows were published; 0 when none were pending or another relay holds the lock
     */
    public int publishBatch() {
        Integer count = transactions.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                    .param("lock", ADVISORY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!mine) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                            SELECT seq, id, topic, message_key, type, source, subject, time, traceparent, content_type, payload
                            FROM outbox ORDER BY seq LIMIT :limit
                            """)
                    .param("limit", settings.batchSize())
                    .query((rs, n) -> new Row(
                            rs.getLong("seq"),
                            rs.getString("topic"),
                            new CloudEvent(
                                    rs.getObject("id", UUID.class).toString(),
                                    rs.getString("source"),
                                    rs.getString("type"),
                                    rs.getString("subject"),
                                    rs.getTimestamp("time").toInstant(),
                                    rs.getString("traceparent"),
                                    rs.getString("content_type"),
                                    rs.getBytes("payload"))))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            jdbc.sql("DELETE FROM outbox WHERE seq = ANY(:seqs)")
                    .param("seqs", rows.stream().map(Row::seq).toArray(Long[]::new))
                    .update();
            return rows.size();
        });
        int done = count == null ? 0 : count;
        published.increment(done);
        return done;
    }

    private void send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(row.topic(), row.event());
            if (row.event().traceparent() != null) {
                // W3C trace context: the consumer's observation continues the producing request's trace.
                record.headers().add("traceparent", row.event().traceparent().getBytes(StandardCharsets.UTF_8));
            }
            acks.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge an outbox batch; it will be retried", e);
        }
        Instant now = clock.instant();
        rows.forEach(row -> lag.record(Duration.between(row.event().time(), now)));
    }

    private double pending() {
        if (!running) {
            return Double.NaN;
        }
        try {
            return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void loop() {
        Duration backoff = settings.pollInterval();
        while (running) {
            try {
                int count = publishBatch();
                backoff = settings.pollInterval();
                if (count == settings.batchSize()) {
                    continue;
                }
                LockSupport.parkNanos(settings.pollInterval().toNanos());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("outbox relay failed; retrying in {}", backoff, e);
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            LockSupport.unpark(current);
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka producer and the data source do. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private record Row(long seq, String topic, CloudEvent event) {}
}
