package dev.couchannel.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every gateway instance, in Redis. A bucket holding {@code capacity}
 * tokens, refilled evenly over the period, is one number: the time at which it would be full again
 * (the generic cell rate algorithm). One Lua script, run atomically by Redis on Redis's clock,
 * reads it, decides and moves it: one round trip per request whatever the concurrency, where a
 * read-then-compare-and-swap bucket retries every loser. That mattered: a crowd behind one address
 * (one office, one carrier's NAT, or the flash-crowd benchmark's loopback) made every request of
 * the address race on one key, and the retries cost the gateway ~10 ms of CPU per request (ADR 11).
 * A key expires once its bucket would be full again.
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

    /**
     * KEYS[1] the bucket; ARGV[1] microseconds per token; ARGV[2] microseconds of burst (the
     * period less one token). Returns 0 when a token was taken, else the microseconds until one is
     * back. Redis's own clock: several gateways agree on it.
     */
    static final String TAKE = """
            redis.replicate_commands()
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local perToken = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local full = tonumber(redis.call('GET', KEYS[1]) or now)
            if full < now then full = now end
            local wait = full - burst - now
            if wait > 0 then return wait end
            full = full + perToken
            redis.call('SET', KEYS[1], full, 'PX', math.floor((full - now) / 1000) + 1)
            return 0
            """;

    private final RedisClient client;
    private final RateLimitProperties limits;
    private final String address;
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile @Nullable String takeSha;
    private volatile boolean resting;
    private volatile long restingUntil;

    public Buckets(DataRedisProperties redis, RateLimitProperties limits) {
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
        RedisCommands<String, String> redis = commands();
        if (redis == null) {
            return Optional.empty();
        }
        long perToken = Math.max(1, limits.period().toNanos() / 1000 / Math.max(1, capacity));
        String[] keys = {PREFIX + name + ":" + id};
        String perTokenArg = Long.toString(perToken);
        String burstArg = Long.toString(perToken * (Math.max(1, capacity) - 1));
        try {
            Long wait;
            try {
                wait = redis.evalsha(takeSha, ScriptOutputType.INTEGER, keys, perTokenArg, burstArg);
            } catch (RedisNoScriptException flushed) {
                // Redis restarted or its scripts were flushed: the script goes along this once
                wait = redis.eval(TAKE, ScriptOutputType.INTEGER, keys, perTokenArg, burstArg);
                takeSha = redis.scriptLoad(TAKE);
            }
            return wait == null || wait <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait * 1000));
        } catch (RuntimeException failure) {
            unavailable(failure);
            return Optional.empty();
        }
    }

    private @Nullable RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> connected = connection;
        return connected != null ? connected.sync() : connect();
    }

    private synchronized @Nullable RedisCommands<String, String> connect() {
        if (connection != null) {
            return connection.sync();
        }
        if (resting && System.nanoTime() - restingUntil < 0) {
            return null;
        }
        try {
            StatefulRedisConnection<String, String> connected = client.connect(StringCodec.UTF8);
            takeSha = connected.sync().scriptLoad(TAKE);
            connection = connected; // published after the script's id
            log.info("rate limits are kept in Redis at {}", address);
            return connected.sync();
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
        StatefulRedisConnection<String, String> connected = connection;
        if (connected != null) {
            connected.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
