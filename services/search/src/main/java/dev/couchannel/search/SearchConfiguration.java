package dev.couchannel.search;

import dev.couchannel.contracts.Topics;
import dev.couchannel.platform.messaging.KafkaTopics;
import dev.couchannel.search.application.Reindex;
import dev.couchannel.search.messaging.Projection;
import dev.couchannel.search.opensearch.IndexWriter;
import dev.couchannel.search.opensearch.OpenSearch;
import dev.couchannel.search.opensearch.SessionIndex;
import dev.couchannel.search.opensearch.SessionSearch;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/** The read model's parts: the OpenSearch client, the index generations, the writer, the search, the rebuild. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    OpenSearch openSearch(
            @Value("${couchannel.search.opensearch.url}") URI url,
            @Value("${couchannel.search.opensearch.timeout:10s}") Duration timeout) {
        return new OpenSearch(url, JsonMapper.builder().build(), timeout);
    }

    @Bean
    SessionIndex sessionIndex(
            OpenSearch openSearch,
            @Value("${couchannel.search.index:sessions}") String alias,
            @Value("${couchannel.search.refresh-interval:100ms}") String refreshInterval,
            Clock clock) {
        return new SessionIndex(openSearch, alias, refreshInterval, clock);
    }

    @Bean
    IndexWriter indexWriter(OpenSearch openSearch) {
        return new IndexWriter(openSearch);
    }

    @Bean
    SessionSearch sessionSearch(OpenSearch openSearch, SessionIndex index) {
        return new SessionSearch(openSearch, index);
    }

    @Bean
    Projection projection(IndexWriter writer, SessionIndex index, Clock clock, MeterRegistry meters) {
        return new Projection(writer, index, clock, meters);
    }

    @Bean
    Reindex reindex(SessionIndex index, Projection projection, ConsumerFactory<String, byte[]> consumers, Clock clock) {
        return new Reindex(index, projection, consumers, clock);
    }

    /**
     * A batch that fails (OpenSearch down) is retried, backing off up to 30 s, for as long as it takes: a read model
     * must not skip events. Unreadable records never get here; the projection skips and counts them.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    HealthIndicator opensearch(OpenSearch openSearch) {
        return new AbstractHealthIndicator() {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                OpenSearch.Reply reply = openSearch.send("GET", "/_cluster/health?timeout=2s", null);
                String status = reply.body().path("status").asString("unknown");
                if (reply.ok() && !"red".equals(status)) {
                    builder.up().withDetail("cluster", status);
                } else {
                    builder.down().withDetail("cluster", status).withDetail("http", reply.status());
                }
            }
        };
    }

    // Declared with the partitions their producers use, so search can start first.
    @Bean
    KafkaAdmin.NewTopics searchConfigurationTopics() {
        return KafkaTopics.declare(Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS, Topics.REVIEW_EVENTS);
    }
}
