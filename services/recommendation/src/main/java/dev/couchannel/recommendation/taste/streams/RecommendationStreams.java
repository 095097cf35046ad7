package dev.couchannel.recommendation.taste.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The running topology: started with the context, closed with it, its stores queried in place.
 * Exactly-once processing, so the sums the topology adds to and subtracts from never count a record
 * twice after a crash; a failed stream thread is replaced.
 */
public final class RecommendationStreams implements SmartLifecycle, StreamStores.Source {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStreams.class);

    /** Settings of the topology, from {@code couchannel.recommendation.streams.*}. */
    public record Settings(
            String applicationId,
            String bootstrapServers,
            @Nullable String stateDir,
            Duration commitInterval,
            String processingGuarantee) {}

    private final Settings settings;
    private final MeterRegistry meters;
    private volatile @Nullable KafkaStreams streams;
    private volatile @Nullable KafkaStreamsMetrics metrics;
    private volatile @Nullable Path temporaryStateDir;

    public RecommendationStreams(Settings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
    }

    static Properties properties(Settings settings, Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, RecommendationTopology.IN_MEMORY);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        properties.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                settings.commitInterval().toMillis());
        // a new application id reads every topic from its beginning: that is how the stores rebuild
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }

    /**
     * In-memory stores keep nothing on disk but a lock and a checkpoint: without a configured
     * directory each start gets a fresh temporary one (deleted on stop), so two JVMs on one machine
     * never share it.
     */
    private static Path stateDir(Settings settings) {
        try {
            return settings.stateDir() == null || settings.stateDir().isBlank()
                    ? Files.createTempDirectory("couchannel-recommendation-")
                    : Files.createDirectories(Path.of(settings.stateDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}", directory, e);
        }
    }

    @Override
    public void start() {
        Path dir = stateDir(settings);
        this.temporaryStateDir =
                settings.stateDir() == null || settings.stateDir().isBlank() ? dir : null;
        Properties properties = properties(settings, dir);
        KafkaStreams started = new KafkaStreams(RecommendationTopology.build(properties), properties);
        started.setUncaughtExceptionHandler(failure -> {
            log.error("A stream thread of the recommendation topology failed; replacing it", failure);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics bound = new KafkaStreamsMetrics(started);
        bound.bindTo(meters);
        started.start();
        this.metrics = bound;
        this.streams = started;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(10));
            streams = null;
        }
        Path temporary = temporaryStateDir;
        if (temporary != null) {
            deleteQuietly(temporary);
            temporaryStateDir = null;
        }
        KafkaStreamsMetrics bound = metrics;
        if (bound != null) {
            bound.close();
            metrics = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The topology's state: RUNNING once every store is restored and assigned. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }

    /**
     * @throws InvalidStateStoreException while the streams are not running (starting, restoring, rebalancing)
     */
    @Override
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams running = streams;
        if (running == null) {
            throw new InvalidStateStoreException("the recommendation topology is not running");
        }
        return running.store(
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
