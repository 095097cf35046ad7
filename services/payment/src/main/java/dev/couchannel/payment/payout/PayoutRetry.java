package dev.couchannel.payment.payout;

import java.time.Duration;
import java.util.Objects;

/** How long a failed payout waits before its next attempt: {@code first}, doubling up to {@code max}. */
public record PayoutRetry(Duration first, Duration max) {

    public PayoutRetry {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "a retry backoff is positive and at most its maximum: " + first + ", " + max);
        }
    }

    /** The pause after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        Duration pause = first;
        for (int i = 1; i < attempts && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
