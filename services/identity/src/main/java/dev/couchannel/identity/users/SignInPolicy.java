package dev.couchannel.identity.users;

import java.time.Duration;

/**
 * Per-account defence against password guessing: the first {@value #FREE_FAILURES} consecutive
 * failures cost nothing; after that each attempt must wait 2^(n-5) seconds (at most a minute)
 * after the previous failure; the {@value #LOCK_AFTER}th failure locks the account for
 * {@link #LOCK_FOR}. A success resets the count.
 */
public final class SignInPolicy {

    public static final int FREE_FAILURES = 5;
    public static final int LOCK_AFTER = 10;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private SignInPolicy() {}

    /** The wait after {@code failures} consecutive failures (zero while they are free). */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - FREE_FAILURES, 6);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
