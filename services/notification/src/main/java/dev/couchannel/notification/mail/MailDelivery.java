package dev.couchannel.notification.mail;

import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbound table. Each round claims due mails with {@code FOR UPDATE SKIP LOCKED} and a
 * lease (so instances never send the same row at once, and a crashed instance's rows come back
 * when the lease ends), sends each, and marks it SENT; a failure is retried with exponential
 * backoff, and after {@code max-attempts} the mail is DEAD and published to
 * {@value #DEAD_LETTERS} with its last error.
 */
@Component
public class MailDelivery {

    public static final String DEAD_LETTERS = "couchannel.notification.dead-letters";
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailTransport transport;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final int batchSize;
    private final Duration lease;
    private final JsonMapper json = JsonMapper.builder().build();

    MailDelivery(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MailTransport transport,
            Outbox outbox,
            MeterRegistry meters,
            Clock clock,
            @Value("${couchannel.notification.delivery.max-attempts:5}") int maxAttempts,
            @Value("${couchannel.notification.delivery.backoff:2s}") Duration backoff,
            @Value("${couchannel.notification.delivery.batch-size:20}") int batchSize,
            @Value("${couchannel.notification.delivery.lease:60s}") Duration lease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.transport = transport;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${couchannel.notification.delivery.poll-interval:500ms}")
    public void deliverDue() {
        List<OutboundMail> due;
        do {
            due = claim();
            due.forEach(this::deliver);
        } while (due.size() == batchSize);
    }

    private List<OutboundMail> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE outbound_mail SET locked_until = :until
                        WHERE id IN (SELECT id FROM outbound_mail
                                     WHERE status = 'PENDING' AND next_attempt_at <= :now
                                       AND (locked_until IS NULL OR locked_until < :now)
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, dedupe_key, template, recipient, subject, text_body, html_body, ics,
                            unsubscribe_url, attempts""")
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", batchSize)
                .query((rs, n) -> new OutboundMail(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10)))
                .list();
    }

    private void deliver(OutboundMail mail) {
        try {
            transport.send(mail);
        } catch (Exception e) {
            failed(mail, e);
            return;
        }
        jdbc.sql("""
                        UPDATE outbound_mail SET status = 'SENT', attempts = attempts + 1, sent_at = :now,
                            locked_until = NULL, last_error = NULL
                        WHERE id = :id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", mail.id())
                .update();
        count("sent");
    }

    private void failed(OutboundMail mail, Exception e) {
        int attempts = mail.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        Instant now = clock.instant();
        if (attempts >= maxAttempts) {
            log.warn("mail {} ({}) is dead after {} attempts: {}", mail.id(), mail.dedupeKey(), attempts, error);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                UPDATE outbound_mail SET status = 'DEAD', attempts = :attempts, last_error = :error,
                                    locked_until = NULL
                                WHERE id = :id""")
                        .param("attempts", attempts)
                        .param("error", error)
                        .param("id", mail.id())
                        .update();
                outbox.append(DEAD_LETTERS, deadLetter(mail, attempts, error, now));
            });
            count("dead");
            return;
        }
        Duration pause = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        log.info("mail {} failed (attempt {} of {}), next in {}: {}", mail.id(), attempts, maxAttempts, pause, error);
        jdbc.sql("""
                        UPDATE outbound_mail SET attempts = :attempts, last_error = :error, next_attempt_at = :next,
                            locked_until = NULL
                        WHERE id = :id""")
                .param("attempts", attempts)
                .param("error", error)
                .param("next", Timestamp.from(now.plus(pause)))
                .param("id", mail.id())
                .update();
        count("failed");
    }

    private CloudEvent deadLetter(OutboundMail mail, int attempts, String error, Instant now) {
        byte[] data = json.writeValueAsString(java.util.Map.of(
                        "mailId", mail.id().toString(),
                        "dedupeKey", mail.dedupeKey(),
                        "template", mail.template(),
                        "recipient", mail.recipient(),
                        "attempts", attempts,
                        "lastError", error))
                .getBytes(StandardCharsets.UTF_8);
        return new CloudEvent(
                UUID.randomUUID().toString(),
                "notification",
                "couchannel.notification.v1.MailDead",
                mail.id().toString(),
                now,
                null,
                "application/json",
                data);
    }

    private void count(String outcome) {
        meters.counter("couchannel.notification.mails", "outcome", outcome).increment();
    }

    @Configuration(proxyBeanMethods = false)
    static class DeadLetterTopic {

        @Bean
        NewTopic notificationDeadLettersTopic() {
            return TopicBuilder.name(DEAD_LETTERS).partitions(1).build();
        }
    }
}
