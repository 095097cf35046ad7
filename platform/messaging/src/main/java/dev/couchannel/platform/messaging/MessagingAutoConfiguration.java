package dev.couchannel.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the outbox, its relay, the inbox, dead-lettering and Kafka readiness into a service that
 * sets {@code couchannel.messaging.source} (its CloudEvents source name).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
        })
@ConditionalOnProperty("couchannel.messaging.source")
public class MessagingAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProducerFactory<Object, Object> producers,
            MeterRegistry meters,
            Clock clock,
            @Value("${couchannel.outbox.batch-size:500}") int batchSize,
            @Value("${couchannel.outbox.poll-interval:250ms}") Duration pollInterval) {
        // A template of its own, without observation: the relay carries each row's stored trace context.
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>((ProducerFactory) producers);
        return new OutboxRelay(
                jdbc,
                transactions,
                template,
                meters,
                clock,
                new OutboxRelay.Settings(batchSize, pollInterval, Duration.ofSeconds(30)));
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
        return new Outbox(jdbc, relay, tracer.getIfAvailable());
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        return new Inbox(jdbc, transactions, meters);
    }

    @Bean
    InboxRetention inboxRetention(
            JdbcClient jdbc,
            Clock clock,
            @Value("${couchannel.inbox.retention:7d}") Duration retention,
            @Value("${couchannel.inbox.purge-interval:1h}") Duration interval) {
        return new InboxRetention(jdbc, clock, retention, interval);
    }

    /** Retries a failing record three times with backoff, then parks it on {@code <topic>.DLT}. */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, failure) -> new TopicPartition(record.topic() + ".DLT", -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonMessage.class);
        return handler;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return new KafkaHealthIndicator(config, Duration.ofSeconds(2));
    }
}
