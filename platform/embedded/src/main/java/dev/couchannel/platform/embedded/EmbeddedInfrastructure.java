package dev.couchannel.platform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the services need from the outside world (PostgreSQL, Kafka, Redis, SMTP, S3-compatible object
 * storage), started together so that the launcher and the test suites get the same real infrastructure with one call.
 *
 * <p>The five servers start in parallel, which roughly halves the start time; if one fails, the others are stopped
 * again before the failure is thrown. {@link #close()} stops them in reverse order, may be called more than once and
 * from a JVM shutdown hook.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final RedisServer redis;
    private final SmtpServer smtp;
    private final S3Server s3;
    private boolean closed;

    private EmbeddedInfrastructure(
            PostgresServer postgres, KafkaBroker kafka, RedisServer redis, SmtpServer smtp, S3Server s3) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
        this.smtp = smtp;
        this.s3 = s3;
    }

    /**
     * What to start where.
     *
     * @param baseDir parent of the {@code postgres}, {@code kafka}, {@code redis} and {@code s3} data directories,
     *     kept across runs; {@code null} for throwaway temp directories
     * @param postgresPort 0 for any free port, likewise for the other ports
     * @param kafkaPort Kafka's client port
     * @param redisPort Redis' port
     * @param smtpPort the SMTP port
     * @param s3Port the port of the S3-compatible object store
     * @param fast trade durability for speed (Postgres without fsync); for tests
     */
    public record Settings(
            Path baseDir, int postgresPort, int kafkaPort, int redisPort, int smtpPort, int s3Port, boolean fast) {

        /** As before the object store came: it listens on any free port. */
        public Settings(Path baseDir, int postgresPort, int kafkaPort, int redisPort, int smtpPort, boolean fast) {
            this(baseDir, postgresPort, kafkaPort, redisPort, smtpPort, 0, fast);
        }

        /** Temp directories, free ports, fast Postgres: what a test suite wants. */
        public static Settings forTests() {
            return new Settings(null, 0, 0, 0, 0, 0, true);
        }

        Path dir(String name) {
            return baseDir == null ? null : baseDir.resolve(name);
        }
    }

    /**
     * Starts all five servers and returns once each of them accepts connections.
     *
     * @throws RuntimeException the first start failure (others attached as suppressed); nothing is left running
     */
    public static EmbeddedInfrastructure start(Settings settings) {
        long started = System.nanoTime();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("embedded-start-", 0).daemon().factory());
        try {
            var postgres = async(
                    executor,
                    () -> PostgresServer.start(settings.dir("postgres"), settings.postgresPort(), settings.fast()));
            var kafka = async(executor, () -> KafkaBroker.start(settings.dir("kafka"), settings.kafkaPort()));
            var redis = async(executor, () -> RedisServer.start(settings.dir("redis"), settings.redisPort()));
            var smtp = async(executor, () -> SmtpServer.start(settings.smtpPort()));
            var s3 = async(executor, () -> S3Server.start(settings.dir("s3"), settings.s3Port()));

            List<CompletableFuture<? extends AutoCloseable>> all = List.of(postgres, kafka, redis, smtp, s3);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .exceptionally(ignored -> null)
                    .join();
            RuntimeException failure = null;
            for (CompletableFuture<? extends AutoCloseable> future : all) {
                if (future.isCompletedExceptionally()) {
                    RuntimeException cause = unwrap(future);
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                for (CompletableFuture<? extends AutoCloseable> future : all.reversed()) {
                    if (!future.isCompletedExceptionally()) {
                        closeQuietly(future.join());
                    }
                }
                throw failure;
            }
            EmbeddedInfrastructure infrastructure =
                    new EmbeddedInfrastructure(postgres.join(), kafka.join(), redis.join(), smtp.join(), s3.join());
            LOG.info(
                    "embedded infrastructure up in {} ms: postgres :{}, kafka {}, redis :{}, smtp :{}, s3 :{}",
                    (System.nanoTime() - started) / 1_000_000,
                    infrastructure.postgres.port(),
                    infrastructure.kafka.bootstrapServers(),
                    infrastructure.redis.port(),
                    infrastructure.smtp.port(),
                    infrastructure.s3.port());
            return infrastructure;
        } finally {
            executor.shutdown();
        }
    }

    private static <T> CompletableFuture<T> async(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    private static RuntimeException unwrap(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("future did not fail");
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The PostgreSQL server. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** The Kafka broker. */
    public KafkaBroker kafka() {
        return kafka;
    }

    /** The Redis server. */
    public RedisServer redis() {
        return redis;
    }

    /** The SMTP server. */
    public SmtpServer smtp() {
        return smtp;
    }

    /** The S3-compatible object store. */
    public S3Server s3() {
        return s3;
    }

    /**
     * Hands the stopping of PostgreSQL and Redis to the caller: by default each stops from its own JVM
     * shutdown hook (so a test JVM never leaks a server), but JVM hooks run in parallel, and an owner
     * whose own hook first stops the services using these servers must stop them afterwards, by
     * {@link #close()}, from that same hook.
     */
    public void stopOnlyWhenClosed() {
        postgres().removeShutdownHook();
        redis().removeShutdownHook();
    }

    /** Stops S3, SMTP, Redis, Kafka and PostgreSQL, in that order; later calls (also concurrent ones) do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> reverse = new ArrayList<>(List.of(postgres, kafka, redis, smtp, s3)).reversed();
        reverse.forEach(EmbeddedInfrastructure::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("could not stop {}", server.getClass().getSimpleName(), e);
        }
    }
}
