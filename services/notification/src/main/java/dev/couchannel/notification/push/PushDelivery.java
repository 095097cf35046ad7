package dev.couchannel.notification.push;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the queued push messages, like mail: claims due rows with {@code FOR UPDATE SKIP LOCKED}
 * and a lease, encrypts each for its subscription, POSTs it to the push service with a VAPID
 * token, and marks it SENT. A push service that answers 404 or 410 has forgotten the browser: the
 * subscription ends (and its queued messages with it). 429, 5xx and network failures are retried
 * with exponential backoff; another 4xx, or {@code max-attempts} failures, leave the message DEAD.
 */
@Component
class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private record Due(
            UUID id, UUID subscription, URI endpoint, String p256dh, String auth, String payload, int attempts) {}

    private final JdbcClient jdbc;
    private final VapidKeys keys;
    private final MeterRegistry meters;
    private final Clock clock;
    private final HttpClient http;
    private final String subject;
    private final int maxAttempts;
    private final Duration backoff;
    private final int batchSize;
    private final Duration lease;
    private final Duration timeout;

    PushDelivery(
            JdbcClient jdbc,
            VapidKeys keys,
            MeterRegistry meters,
            Clock clock,
            @Value("${couchannel.notification.push.subject:mailto:ops@couchannel.local}") String subject,
            @Value("${couchannel.notification.push.max-attempts:5}") int maxAttempts,
            @Value("${couchannel.notification.push.backoff:2s}") Duration backoff,
            @Value("${couchannel.notification.push.batch-size:20}") int batchSize,
            @Value("${couchannel.notification.push.lease:60s}") Duration lease,
            @Value("${couchannel.notification.push.timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.meters = meters;
        this.clock = clock;
        this.subject = subject;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.lease = lease;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${couchannel.notification.push.poll-interval:500ms}")
    void deliverDue() {
        List<Due> due;
        do {
            due = claim();
            due.forEach(this::deliver);
        } while (due.size() == batchSize);
    }

    private List<Due> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        WITH claimed AS (
                            UPDATE outbound_push SET locked_until = :until
                            WHERE id IN (SELECT id FROM outbound_push
                                         WHERE status = 'PENDING' AND next_attempt_at <= :now
                                           AND (locked_until IS NULL OR locked_until < :now)
                                         ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                            RETURNING id, subscription_id, payload, attempts)
                        SELECT c.id, c.subscription_id, s.endpoint, s.p256dh, s.auth, c.payload, c.attempts
                        FROM claimed c JOIN push_subscriptions s ON s.id = c.subscription_id""")
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", batchSize)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        URI.create(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }

    private void deliver(Due push) {
        int status;
        try {
            byte[] body = PushCrypto.encrypt(
                    push.payload().getBytes(StandardCharsets.UTF_8),
                    PushCrypto.decode(push.p256dh()),
                    PushCrypto.decode(push.auth()));
            String audience =
                    push.endpoint().getScheme() + "://" + push.endpoint().getRawAuthority();
            HttpRequest request = HttpRequest.newBuilder(push.endpoint())
                    .timeout(timeout)
                    .header(
                            "Authorization",
                            PushCrypto.vapid(
                                    keys.keyPair(),
                                    audience,
                                    subject,
                                    clock.instant().plus(Duration.ofHours(12))))
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", "86400")
                    .header("Urgency", "normal")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            retry(push, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IllegalArgumentException e) {
            dead(push, e.getMessage());
            return;
        }
        if (status >= 200 && status < 300) {
            jdbc.sql("""
                            UPDATE outbound_push SET status = 'SENT', attempts = attempts + 1, sent_at = :now,
                                locked_until = NULL, last_error = NULL
                            WHERE id = :id""")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", push.id())
                    .update();
            count("sent");
        } else if (status == 404 || status == 410) {
            log.info("push service forgot subscription {} (HTTP {}): it ends", push.subscription(), status);
            jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id")
                    .param("id", push.subscription())
                    .update();
            count("gone");
        } else if (status == 429 || status >= 500) {
            retry(push, "HTTP " + status);
        } else {
            dead(push, "HTTP " + status);
        }
    }

    private void retry(Due push, String error) {
        int attempts = push.attempts() + 1;
        if (attempts >= maxAttempts) {
            dead(push, error);
            return;
        }
        Duration pause = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        jdbc.sql("""
                        UPDATE outbound_push SET attempts = :attempts, last_error = :error, next_attempt_at = :next,
                            locked_until = NULL
                        WHERE id = :id""")
                .param("attempts", attempts)
                .param("error", error)
                .param("next", Timestamp.from(clock.instant().plus(pause)))
                .param("id", push.id())
                .update();
        count("failed");
    }

    private void dead(Due push, String error) {
        log.warn("push {} is dead after {} attempts: {}", push.id(), push.attempts() + 1, error);
        jdbc.sql("""
                        UPDATE outbound_push SET status = 'DEAD', attempts = attempts + 1, last_error = :error,
                            locked_until = NULL
                        WHERE id = :id""").param("error", error).param("id", push.id()).update();
        count("dead");
    }

    private void count(String outcome) {
        meters.counter("couchannel.notification.pushes", "outcome", outcome).increment();
    }
}
