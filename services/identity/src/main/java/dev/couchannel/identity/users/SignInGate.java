package dev.couchannel.identity.users;

import java.time.Duration;
import java.time.Instant;

/** Whether an account accepts a password attempt right now. */
public sealed interface SignInGate {

    /** The password may be checked. */
    record Open() implements SignInGate {}

    /** Too many recent failures: refused without checking the password, for {@code remaining} more. */
    record Delayed(Duration remaining) implements SignInGate {

        /** Whole seconds to wait, rounded up, at least 1. */
        public long seconds() {
            return Math.max(1, (remaining.toMillis() + 999) / 1000);
        }
    }

    /** Locked after too many failures, until {@code until}. */
    record Locked(Instant until) implements SignInGate {}
}
