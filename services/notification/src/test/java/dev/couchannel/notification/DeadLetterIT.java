package dev.couchannel.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.notification.mail.MailComposer;
import dev.couchannel.notification.mail.MailDelivery;
import dev.couchannel.notification.mail.MailOutbox;
import dev.couchannel.notification.mail.Template;
import dev.couchannel.platform.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A mail server that refuses every connection: the mail is retried with backoff, then DEAD. */
class DeadLetterIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aMailThatKeepsFailingIsRetriedThenDeadLettered() throws IOException {
        int refusing;
        try (ServerSocket socket = new ServerSocket(0)) {
            refusing = socket.getLocalPort();
        }
        String recipient = "dead-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe deadLetters = TopicProbe.on(MailDelivery.DEAD_LETTERS);
                ConfigurableApplicationContext context = Contexts.start(
                        "notification_dead",
                        null,
                        "--spring.mail.port=" + refusing,
                        "--couchannel.notification.delivery.max-attempts=3",
                        "--couchannel.notification.delivery.backoff=50ms")) {
            MailComposer composer = context.getBean(MailComposer.class);
            String key = "test:" + UUID.randomUUID();
            context.getBean(MailOutbox.class)
                    .enqueue(composer.compose(
                            key, Template.REMINDER_H2, recipient, "en", null, "A vs B", "today", "here", 1, ""));
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            await().atMost(WAIT).until(() -> "DEAD"
                    .equals(jdbc.sql("SELECT status FROM outbound_mail WHERE dedupe_key = :k")
                            .param("k", key)
                            .query(String.class)
                            .single()));
            Map<String, Object> row = jdbc.sql(
                            "SELECT attempts, last_error, id FROM outbound_mail WHERE dedupe_key = :k")
                    .param("k", key)
                    .query()
                    .singleRow();
            assertThat(row.get("attempts")).isEqualTo(3);
            assertThat((String) row.get("last_error")).isNotBlank();

            ConsumerRecord<String, byte[]> dead =
                    deadLetters.await(record -> row.get("id").toString().equals(record.key()), WAIT);
            assertThat(new String(dead.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains(key)
                    .contains("\"attempts\":3")
                    .contains("lastError");
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.counter("couchannel.notification.mails", "outcome", "failed")
                            .count())
                    .isEqualTo(2);
            assertThat(meters.counter("couchannel.notification.mails", "outcome", "dead")
                            .count())
                    .isEqualTo(1);
        }
    }
}
