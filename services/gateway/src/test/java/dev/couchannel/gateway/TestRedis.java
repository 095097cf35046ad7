package dev.couchannel.gateway;

import dev.couchannel.platform.embedded.RedisServer;

/** One real Redis (embedded) per test JVM, for sessions and rate limits; stopped with the JVM. */
final class TestRedis {

    private static RedisServer redis;

    private TestRedis() {}

    static synchronized int port() {
        if (redis == null) {
            redis = RedisServer.start(null, 0);
        }
        return redis.port();
    }
}
