package dev.couchannel.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;

/** A clock the test moves forward, so a session can end without anyone waiting for it. */
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

    /** Puts the shared {@link TestClock} in the context in place of the system clock. */
    static class Config {

        static final TestClock SHARED = new TestClock();

        @Bean
        Clock testClock() {
            return SHARED;
        }
    }
}
