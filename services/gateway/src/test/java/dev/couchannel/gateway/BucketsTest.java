package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.gateway.ratelimit.Buckets;
import dev.couchannel.gateway.ratelimit.RateLimitProperties;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/** The token buckets themselves, on the real (embedded) Redis. */
class BucketsTest {

    final Buckets buckets = buckets(Duration.ofMinutes(1));
    final String address = "10.0.0." + UUID.randomUUID(); // a bucket of this test's own

    @AfterEach
    void close() {
        buckets.destroy();
    }

    @Test
    void aCrowdBehindOneAddressGetsExactlyTheBudgetAndTheRestIsToldWhenToComeBack() throws Exception {
        List<Optional<Duration>> answers = new ArrayList<>();
        try (var crowd = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<Duration>>> takes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                takes.add(crowd.submit((Callable<Optional<Duration>>) () -> buckets.take("ip", address, 50)));
            }
            for (Future<Optional<Duration>> take : takes) {
                answers.add(take.get());
            }
        }

        assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(50);
        assertThat(answers.stream().flatMap(Optional::stream))
                .hasSize(150)
                .allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aTokenComesBackAfterItsShareOfThePeriod() {
        Buckets fast = buckets(Duration.ofMillis(600)); // 3 tokens: one back every 200 ms
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(fast.take("user", address, 3)).isEmpty();
            }
            Optional<Duration> refused = fast.take("user", address, 3);
            assertThat(refused)
                    .hasValueSatisfying(
                            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200)));

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> fast.take("user", address, 3).isEmpty());
        } finally {
            fast.destroy();
        }
    }

    @Test
    void budgetsOfDifferentNamesAndIdsAreApart() {
        assertThat(buckets.take("booking", address, 1)).isEmpty();
        assertThat(buckets.take("booking", address, 1)).isPresent();
        assertThat(buckets.take("user", address, 1)).isEmpty();
        assertThat(buckets.take("booking", address + "-other", 1)).isEmpty();
    }

    @Test
    void aRedisThatForgotTheScriptIsGivenItAgain() {
        assertThat(buckets.take("ip", address, 2)).isEmpty();
        RedisClient admin = RedisClient.create("redis://localhost:" + TestRedis.port());
        try (var connection = admin.connect()) {
            connection.sync().scriptFlush();
        } finally {
            admin.shutdown();
        }

        assertThat(buckets.take("ip", address, 2)).isEmpty();
        assertThat(buckets.take("ip", address, 2)).isPresent(); // the budget survived the flush
    }

    private static Buckets buckets(Duration period) {
        DataRedisProperties redis = new DataRedisProperties();
        redis.setHost("localhost");
        redis.setPort(TestRedis.port());
        RateLimitProperties limits =
                new RateLimitProperties(true, period, 300, 120, 10, 10, Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new Buckets(redis, limits);
    }
}
