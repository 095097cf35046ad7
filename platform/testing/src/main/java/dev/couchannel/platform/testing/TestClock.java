package dev.couchannel.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;

/**
 * A clock the test moves forward: a service's pollers and deadlines read it, so time passes (a
 * reminder falls due, a session ends) without anyone sleeping.
 */
public final class TestClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Puts the shared {@link TestClock} in a context in place of the system clock. Not a
     * {@code @Configuration}, so a service's component scan never picks it up by itself.
     */
    public static class Config {

        public static final TestClock SHARED = new TestClock();

        @Bean
        Clock testClock() {
            return SHARED;
        }
    }
}
