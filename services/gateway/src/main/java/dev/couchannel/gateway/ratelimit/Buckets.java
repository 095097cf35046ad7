package dev.couchannel.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every gateway instance, in Redis (Bucket4j, compare-and-swap over
 * Lettuce; a bucket's key expires once it would be full again).
 *
 * <p>Rate limits are what the architecture lets us lose when Redis is down: then every request
 * passes (fail open) and a warning says so, at most once per {@code redis-retry}. The connection
 * is made on first use, so the gateway starts without Redis, and commands fail fast instead of
 * queueing while Redis is away.
 */
@Component
public class Buckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Buckets.class);
    private static final String PREFIX = "couchannel:gateway:rate:";

    private final RedisClient client;
    private final RateLimitProperties limits;
    private final ConcurrentMap<Long, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    private @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    private @Nullable ProxyManager<byte[]> buckets;
    private final String address;
    private volatile boolean resting;
    private volatile long restingUntil;

    Buckets(DataRedisProperties redis, RateLimitProperties limits) {
        this.limits = limits;
        this.address = redis.getHost() + ":" + redis.getPort();
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(redis.getHost())
                .withPort(redis.getPort())
                .withDatabase(redis.getDatabase())
                .withTimeout(limits.redisTimeout());
        if (redis.getPassword() != null) {
            uri = redis.getUsername() == null
                    ? uri.withPassword(redis.getPassword().toCharArray())
                    : uri.withAuthentication(redis.getUsername(), redis.getPassword());
        }
        this.client = RedisClient.create(uri.build());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(limits.redisTimeout()))
                .build());
    }

    /**
     * Takes one token from the bucket {@code name:id} holding {@code capacity} per period.
     *
     * @return empty when the request may pass, otherwise how long until a token is back
     */
    public Optional<Duration> take(String name, String id, long capacity) {
        ProxyManager<byte[]> proxies = buckets();
        if (proxies == null) {
            return Optional.empty();
        }
        try {
            ConsumptionProbe probe = proxies.getProxy(
                            (PREFIX + name + ":" + id).getBytes(StandardCharsets.UTF_8), () -> configuration(capacity))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed()
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException failure) {
            unavailable(failure);
            return Optional.empty();
        }
    }

    private BucketConfiguration configuration(long capacity) {
        return configurations.computeIfAbsent(capacity, n -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(n).refillGreedy(n, limits.period()))
                .build());
    }

    private synchronized @Nullable ProxyManager<byte[]> buckets() {
        if (buckets != null) {
            return buckets;
        }
        if (resting && System.nanoTime() - restingUntil < 0) {
            return null;
        }
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .requestTimeout(limits.redisTimeout())
                    .build();
            log.info("rate limits are kept in Redis at {}", address);
            return buckets;
        } catch (RuntimeException failure) {
            unavailable(failure);
            return null;
        }
    }

    private void unavailable(RuntimeException failure) {
        long now = System.nanoTime();
        if (!resting || now - restingUntil >= 0) {
            log.warn(
                    "Redis at {} is unavailable, so requests pass without rate limits for now: {}",
                    address,
                    failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        restingUntil = now + limits.redisRetry().toNanos();
        resting = true;
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
