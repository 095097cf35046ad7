package dev.couchannel.platform.service;

import java.time.Clock;
import java.util.Objects;

/**
 * The clock behind every service's {@code Clock} bean ({@link ServiceClockAutoConfiguration}): the system's, unless
 * the process is a local stack that a test runs on one shared clock it moves (the launcher's {@code StackConfig}
 * sets it before the services start). One JVM, one time: every service of the stack then agrees on "now", so a test
 * can let a match end, a dispute window pass and a payout fall due without waiting for them.
 *
 * <p>Whatever checks access tokens or signs them (identity, {@link AccessTokens}, {@link ServiceTokens}) keeps real
 * time: a token is judged by the wall clock of whoever reads it.
 */
public final class ServiceClock {

    private static volatile Clock clock = Clock.systemUTC();

    private ServiceClock() {}

    /** The clock services started from now on will use. */
    public static Clock current() {
        return clock;
    }

    /** Makes {@code shared} the clock of the services started from now on in this JVM. */
    public static void use(Clock shared) {
        clock = Objects.requireNonNull(shared, "clock");
    }
}
