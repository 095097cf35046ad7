package dev.couchannel.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset the test moves forward. Unlike {@link TestClock} it keeps running, so a whole stack can
 * live on it: leases lapse, retries back off and deadlines pass as usual, and the test jumps over the days between a
 * match and its payout.
 */
public final class MovingClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, not by " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to real time, e.g. between the tests of a class that share one clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** Moves the clock to {@code instant} (when that is still ahead). */
    public void advanceTo(Instant instant) {
        Duration ahead = Duration.between(instant(), instant);
        if (!ahead.isNegative()) {
            advance(ahead);
        }
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
        return Instant.now().plus(offset.get());
    }
}
