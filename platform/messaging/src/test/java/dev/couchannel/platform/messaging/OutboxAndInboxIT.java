package dev.couchannel.platform.messaging;

import static dev.couchannel.platform.testing.TopicProbe.eventId;
import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and inbox against the real PostgreSQL and Kafka of the test JVM. */
@SpringBootTest(
        classes = OutboxAndInboxIT.TestService.class,
        properties = {
            "spring.application.name=messagingtest",
            "couchannel.messaging.source=messagingtest",
            "couchannel.outbox.poll-interval=100ms",
            "spring.kafka.consumer.group-id=messagingtest"
        })
class OutboxAndInboxIT {

    static final String OUTBOX_TOPIC = "test.outbox";
    static final String INBOX_TOPIC = "test.inbox";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "messagingtest");
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Tracer tracer;

    @Autowired
    Inbox inbox;

    @Autowired
    InboxRetention retention;

    @Test
    void inboxEntriesAreForgottenAfterTheRetentionAndNotBefore() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO inbox (consumer, message_id, processed_at) VALUES ('retention', :id, now() - interval '8 days')")
                .param("id", old)
                .update();
        jdbc.sql(
                        "INSERT INTO inbox (consumer, message_id, processed_at) VALUES ('retention', :id, now() - interval '6 days')")
                .param("id", recent)
                .update();

        assertThat(retention.purge()).isPositive();

        assertThat(jdbc.sql("SELECT message_id FROM inbox WHERE consumer = 'retention'")
                        .query(String.class)
                        .list())
                .contains(recent)
                .doesNotContain(old);
        assertThatThrownBy(() -> new InboxRetention(
                        jdbc,
                        java.time.Clock.systemUTC(),
                        java.time.Duration.ofHours(1),
                        java.time.Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least");
    }

    @Test
    void anEventIsPublishedWhenItsTransactionCommits() {
        CloudEvent event = event("subject-commit");
        try (TopicProbe probe = TopicProbe.on(OUTBOX_TOPIC)) {
            transactions.executeWithoutResult(status -> outbox.append(OUTBOX_TOPIC, event));

            ConsumerRecord<String, byte[]> record = probe.await(eventId(event.id()), Duration.ofSeconds(15));
            assertThat(record.key()).isEqualTo("subject-commit");
            assertThat(header(record, "ce_type")).isEqualTo("test.v1.SomethingHappened");
            assertThat(header(record, "ce_source")).isEqualTo("messagingtest");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("payload of " + event.id());
        }
        assertThat(pendingRows(event)).isZero();
    }

    @Test
    void anEventIsNotPublishedWhenItsTransactionRollsBack() {
        CloudEvent rolledBack = event("subject-rollback");
        CloudEvent marker = event("subject-rollback");
        try (TopicProbe probe = TopicProbe.on(OUTBOX_TOPIC)) {
            transactions.executeWithoutResult(status -> {
                outbox.append(OUTBOX_TOPIC, rolledBack);
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> outbox.append(OUTBOX_TOPIC, marker));

            // Same key, same partition: once the later marker is here, the rolled-back event never will be.
            probe.await(eventId(marker.id()), Duration.ofSeconds(15));
            assertThat(probe.records()).noneMatch(eventId(rolledBack.id()));
        }
        assertThat(pendingRows(rolledBack)).isZero();
    }

    @Test
    void theProducingRequestsTraceTravelsWithTheEvent() {
        CloudEvent event = event("subject-trace");
        Span span = tracer.nextSpan().name("booking request").start();
        try (TopicProbe probe = TopicProbe.on(OUTBOX_TOPIC)) {
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                transactions.executeWithoutResult(status -> outbox.append(OUTBOX_TOPIC, event));
            } finally {
                span.end();
            }

            ConsumerRecord<String, byte[]> record = probe.await(eventId(event.id()), Duration.ofSeconds(15));
            assertThat(header(record, "traceparent"))
                    .startsWith("00-" + span.context().traceId() + "-");
        }
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(OUTBOX_TOPIC, event("subject-none")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventSurvivesACrashBetweenCommitAndPublish() {
        CloudEvent event = event("subject-crash");
        relay.stop(); // the process dies right after the commit: nothing publishes
        try (TopicProbe probe = TopicProbe.on(OUTBOX_TOPIC)) {
            transactions.executeWithoutResult(status -> outbox.append(OUTBOX_TOPIC, event));
            assertThat(pendingRows(event)).isEqualTo(1);

            relay.start(); // the restarted service finds the committed row and publishes it
            probe.await(eventId(event.id()), Duration.ofSeconds(15));
        } finally {
            if (!relay.isRunning()) {
                relay.start();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingRows(event) == 0);
    }

    @Test
    void aMessageDeliveredTwiceIsProcessedOnce() {
        CloudEvent event = event("subject-twice");
        double duplicatesBefore = duplicates();

        kafka.send(KafkaCloudEvents.toRecord(INBOX_TOPIC, event));
        kafka.send(KafkaCloudEvents.toRecord(INBOX_TOPIC, event));

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM handled WHERE message_id = :id")
                        .param("id", event.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTwoStepHandlerIsNotPreparedAgainForAMessageAlreadyProcessed() {
        CloudEvent event = event("subject-two-step");
        ProducerRecord<String, byte[]> sent = KafkaCloudEvents.toRecord(INBOX_TOPIC, event);
        ConsumerRecord<String, byte[]> delivered = new ConsumerRecord<>(
                INBOX_TOPIC,
                0,
                0L,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                sent.key(),
                sent.value(),
                sent.headers(),
                Optional.empty());
        AtomicInteger prepared = new AtomicInteger();
        Function<CloudEvent, Inbox.Completion> prepare = received -> {
            prepared.incrementAndGet(); // the slow call outside the transaction
            return () -> jdbc.sql("INSERT INTO handled (message_id) VALUES (:id)")
                    .param("id", received.id())
                    .update();
        };

        assertThat(inbox.prepareThenReceive("messagingtest.two-step", delivered, prepare))
                .isTrue();
        assertThat(inbox.prepareThenReceive("messagingtest.two-step", delivered, prepare))
                .isFalse();

        assertThat(prepared).hasValue(1);
        assertThat(jdbc.sql("SELECT count(*) FROM handled WHERE message_id = :id")
                        .param("id", event.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopic() {
        String marker = "poison-" + UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.on(INBOX_TOPIC + ".DLT")) {
            kafka.send(new ProducerRecord<>(INBOX_TOPIC, marker, marker.getBytes(StandardCharsets.UTF_8)));

            ConsumerRecord<String, byte[]> parked =
                    deadLetters.await(record -> marker.equals(record.key()), Duration.ofSeconds(20));
            assertThat(header(parked, "kafka_dlt-exception-message")).contains("not a CloudEvent");
        }
    }

    private double duplicates() {
        var counter = meters.find("couchannel.inbox.messages")
                .tag("consumer", TestListener.CONSUMER)
                .tag("outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long pendingRows(CloudEvent event) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE id = :id")
                .param("id", UUID.fromString(event.id()))
                .query(Long.class)
                .single();
    }

    private static CloudEvent event(String subject) {
        String id = UUID.randomUUID().toString();
        return new CloudEvent(
                id,
                "messagingtest",
                "test.v1.SomethingHappened",
                subject,
                Instant.now(),
                null,
                "text/plain",
                ("payload of " + id).getBytes(StandardCharsets.UTF_8));
    }

    @SpringBootApplication
    @Import(TestListener.class)
    static class TestService {}

    static class TestListener {
        static final String CONSUMER = "messagingtest.inbox";

        private final Inbox inbox;
        private final JdbcClient jdbc;

        TestListener(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = INBOX_TOPIC, groupId = "messagingtest")
        void on(ConsumerRecord<String, byte[]> record) {
            inbox.receive(CONSUMER, record, event -> jdbc.sql("INSERT INTO handled (message_id) VALUES (:id)")
                    .param("id", event.id())
                    .update());
        }
    }
}
