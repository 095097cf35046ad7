package dev.couchannel.platform.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets inbox rows once no redelivery can reach them any more ({@code couchannel.inbox.retention}, 7 days
 * unless a service says otherwise, at least one day): Kafka keeps records for three days here, so a consumer
 * rewound to the oldest record still finds every id it has processed. Runs every
 * {@code couchannel.inbox.purge-interval} (1 h), deleting in batches so that no purge holds many locks at once.
 */
public class InboxRetention implements SmartLifecycle {

    static final Duration MINIMUM = Duration.ofDays(1);
    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private volatile @Nullable ScheduledExecutorService scheduler;

    public InboxRetention(JdbcClient jdbc, Clock clock, Duration retention, Duration interval) {
        if (retention.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("couchannel.inbox.retention must be at least " + MINIMUM
                    + " (a redelivered message must still be recognised), not " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** Deletes the rows processed before the retention; returns how many. */
    public int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted =
                    jdbc.sql("""
                            DELETE FROM inbox WHERE ctid IN (
                                SELECT ctid FROM inbox WHERE processed_at < :cutoff LIMIT :batch)
                            """).param("cutoff", cutoff).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.info("forgot {} inbox entries processed more than {} ago", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("inbox purge failed; the next one tries again", e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("inbox-retention").factory());
        started.scheduleWithFixedDelay(
                this::purgeQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
