package dev.couchannel.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;

/** A clock the test moves; the service's pollers read it, so time passes without sleeping. */
final class TestClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    void advance(Duration duration) {
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
     * Puts a {@link TestClock} in a context in place of the system clock. Not a
     * {@code @Configuration}, so the service's component scan never picks it up by itself.
     */
    static class Config {

        static final TestClock SHARED = new TestClock();

        @Bean
        Clock testClock() {
            return SHARED;
        }
    }
}
