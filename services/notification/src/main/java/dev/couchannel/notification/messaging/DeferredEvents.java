package dev.couchannel.notification.messaging;

import dev.couchannel.notification.facts.FactsSource;
import dev.couchannel.notification.facts.FactsUnavailable;
import dev.couchannel.notification.facts.SessionFacts;
import dev.couchannel.notification.mail.MailDelivery;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events accepted while their facts were unavailable: stored in the inbox transaction, tried
 * again with a doubling pause (up to five minutes) until the facts can be read. One still waiting
 * after {@code facts.give-up-after} (a session that never existed, say) is not dropped either: it
 * goes, as it came, to the dead-letter topic for an operator.
 */
@Component
class DeferredEvents {

    private static final Logger log = LoggerFactory.getLogger(DeferredEvents.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FactsSource facts;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration giveUpAfter;
    private final Outbox outbox;
    private final MeterRegistry meters;

    DeferredEvents(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            FactsSource facts,
            Notifier notifier,
            Clock clock,
            Outbox outbox,
            MeterRegistry meters,
            @Value("${couchannel.notification.facts.retry-after:5s}") Duration retryAfter,
            @Value("${couchannel.notification.facts.give-up-after:7d}") Duration giveUpAfter) {
        this.outbox = outbox;
        this.meters = meters;
        this.giveUpAfter = giveUpAfter;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.facts = facts;
        this.notifier = notifier;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** Stores an event to be handled later; call in the inbox transaction. */
    void defer(CloudEvent event, String error) {
        jdbc.sql("""
                        INSERT INTO deferred_events (event_id, type, subject, time, payload, next_attempt_at, last_error,
                            deferred_at)
                        VALUES (:id, :type, :subject, :time, :payload, :next, :error, :now)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("id", event.id())
                .param("type", event.type())
                .param("subject", event.subject())
                .param("time", Timestamp.from(event.time()))
                .param("payload", event.data())
                .param("next", Timestamp.from(clock.instant().plus(retryAfter)))
                .param("error", error)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private record Deferred(CloudEvent event, int attempts, Instant deferredAt) {}

    @Scheduled(fixedDelayString = "${couchannel.notification.facts.poll-interval:1s}")
    void retryDue() {
        Instant now = clock.instant();
        List<Deferred> due = jdbc.sql("""
                        UPDATE deferred_events SET locked_until = :until
                        WHERE event_id IN (SELECT event_id FROM deferred_events
                                           WHERE next_attempt_at <= :now
                                             AND (locked_until IS NULL OR locked_until < :now)
                                           ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
                        RETURNING event_id, type, subject, time, payload, attempts, deferred_at""")
                .param("until", Timestamp.from(now.plus(Duration.ofMinutes(1))))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Deferred(
                        new CloudEvent(
                                rs.getString(1),
                                "deferred",
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                null,
                                CloudEvent.PROTOBUF,
                                rs.getBytes(5)),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
        due.forEach(this::retry);
    }

    private void retry(Deferred deferred) {
        CloudEvent event = deferred.event();
        String session = Notifier.sessionOf(event);
        SessionFacts found;
        try {
            found = session == null ? null : facts.session(session);
        } catch (FactsUnavailable e) {
            if (deferred.deferredAt().plus(giveUpAfter).isBefore(clock.instant())) {
                abandon(event, e.getMessage());
                return;
            }
            Duration pause = retryAfter.multipliedBy(1L << Math.min(deferred.attempts(), 20));
            if (pause.compareTo(MAX_PAUSE) > 0) {
                pause = MAX_PAUSE;
            }
            jdbc.sql("""
                            UPDATE deferred_events SET attempts = attempts + 1, last_error = :error, locked_until = NULL,
                                next_attempt_at = :next
                            WHERE event_id = :id""")
                    .param("error", e.getMessage())
                    .param("next", Timestamp.from(clock.instant().plus(pause)))
                    .param("id", event.id())
                    .update();
            log.info("deferred event {} still waits for facts: {}", event.id(), e.getMessage());
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (found != null) {
                notifier.handle(event, found);
            }
            jdbc.sql("DELETE FROM deferred_events WHERE event_id = :id")
                    .param("id", event.id())
                    .update();
        });
    }

    /** Hands the event, unchanged, to the dead-letter topic, in the transaction that forgets it here. */
    private void abandon(CloudEvent event, String error) {
        log.warn(
                "deferred event {} ({}) gave up after {} without facts, sent to {}: {}",
                event.id(),
                event.type(),
                giveUpAfter,
                MailDelivery.DEAD_LETTERS,
                error);
        transactions.executeWithoutResult(status -> {
            outbox.append(MailDelivery.DEAD_LETTERS, event);
            jdbc.sql("DELETE FROM deferred_events WHERE event_id = :id")
                    .param("id", event.id())
                    .update();
        });
        meters.counter("couchannel.notification.deferred.abandoned").increment();
    }
}
