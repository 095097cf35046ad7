package dev.couchannel.analytics.figures.application;

import dev.couchannel.analytics.figures.Fact;
import dev.couchannel.analytics.figures.persistence.JdbcFacts;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.LogReplay;
import dev.couchannel.platform.messaging.PoisonMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model's writer, live and from the log. A rebuild fills a fresh copy of the tables
 * ({@code facts_next}) from offset 0 of every topic the read model reads, up to the end offsets
 * seen when it started, then swaps it in for {@code facts} in one transaction. While it runs,
 * live writes go to both copies, so nothing consumed meanwhile is lost; every write is an upsert,
 * so an event written twice counts once.
 */
@Service
public class RebuildFromLog {

    private static final Logger log = LoggerFactory.getLogger(RebuildFromLog.class);

    /** The advisory lock one rebuild holds, so that two (on two instances) never fill one copy. */
    private static final long LOCK = 0x616e616c79746963L;

    private final JdbcFacts facts;
    private final TransactionTemplate transactions;
    private final LogReplay replay;
    private final DataSource dataSource;

    RebuildFromLog(
            JdbcFacts facts,
            TransactionTemplate transactions,
            ConsumerFactory<String, byte[]> consumers,
            DataSource dataSource) {
        this.facts = facts;
        this.transactions = transactions;
        this.replay = new LogReplay(consumers);
        this.dataSource = dataSource;
    }

    /** What a rebuild did. */
    public record Result(long events, Duration took) {}

    /** Another rebuild is running (on this instance or another). */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a rebuild of the analytics read model is already running");
        }
    }

    /** Writes a consumed fact, in the caller's (inbox) transaction. */
    public void applyLive(Fact fact) {
        facts.apply(fact, JdbcFacts.LIVE);
        if (facts.rebuilding()) {
            facts.apply(fact, JdbcFacts.NEXT);
        }
    }

    /**
     * @throws AlreadyRunning when another rebuild holds the lock
     */
    public Result rebuild() {
        // a measurement, not a decision: real elapsed time, whatever the service's clock says
        long started = System.nanoTime();
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                throw new AlreadyRunning();
            }
            try {
                long events = rebuildLocked();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                log.info("rebuilt the analytics read model from {} events in {} ms", events, took.toMillis());
                return new Result(events, took);
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild lock", e);
        }
    }

    private long rebuildLocked() {
        transactions.executeWithoutResult(status -> facts.createNext());
        long events = 0;
        try {
            events = replay.replay("analytics-rebuild", FactsFromEvents.TOPICS, records -> {
                List<Fact> batch = new ArrayList<>(records.size());
                records.forEach(record -> translate(record).ifPresent(batch::add));
                if (!batch.isEmpty()) {
                    transactions.executeWithoutResult(
                            status -> batch.forEach(fact -> facts.apply(fact, JdbcFacts.NEXT)));
                }
            });
            transactions.executeWithoutResult(status -> facts.swap());
        } catch (RuntimeException e) {
            transactions.executeWithoutResult(status -> facts.dropNext());
            throw e;
        }
        return events;
    }

    private static java.util.Optional<Fact> translate(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !FactsFromEvents.TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return java.util.Optional.empty();
        }
        try {
            CloudEvent event = KafkaCloudEvents.fromRecord(record);
            return FactsFromEvents.of(event);
        } catch (PoisonMessage e) {
            // the live consumer parked it on the dead-letter topic; a replay skips it the same way
            log.warn("rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
