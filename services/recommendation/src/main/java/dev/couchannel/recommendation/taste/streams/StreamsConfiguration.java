package dev.couchannel.recommendation.taste.streams;

import dev.couchannel.contracts.Topics;
import dev.couchannel.platform.messaging.KafkaTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topology's beans: the running streams, the stores as {@link dev.couchannel.recommendation.taste.Facts}, health. */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    @Bean
    RecommendationStreams recommendationStreams(
            @Value("${couchannel.recommendation.streams.application-id}") String applicationId,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${couchannel.recommendation.streams.state-dir:}") String stateDir,
            @Value("${couchannel.recommendation.streams.commit-interval:1s}") Duration commitInterval,
            @Value("${couchannel.recommendation.streams.processing-guarantee:exactly_once_v2}")
                    String processingGuarantee,
            MeterRegistry meters) {
        return new RecommendationStreams(
                new RecommendationStreams.Settings(
                        applicationId, bootstrapServers, stateDir, commitInterval, processingGuarantee),
                meters);
    }

    @Bean
    StreamStores streamStores(RecommendationStreams streams) {
        return new StreamStores(streams);
    }

    // The source topics, as their producers declare them: the topology cannot start on a missing one
    // (a fresh cluster where nothing was published yet).

    @Bean
    KafkaAdmin.NewTopics streamsConfigurationTopics() {
        return KafkaTopics.declare(Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS, Topics.BOOKING_EVENTS);
    }

    /** Up once the stores are restored and queryable; down while they rebalance or after a fatal error. */
    @Bean
    HealthIndicator streams(RecommendationStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down())
                    .withDetail("state", state.name())
                    .build();
        };
    }
}
