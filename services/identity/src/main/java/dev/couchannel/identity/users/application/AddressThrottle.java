package dev.couchannel.identity.users.application;

import dev.couchannel.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address in a sliding window, held in memory: it slows a guesser who
 * spreads attempts over many accounts. Per instance and lost on restart, which is acceptable for a
 * speed bump (the per-account lock in the database is the real defence); several instances would
 * share it through Redis.
 */
@Component
public class AddressThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public AddressThrottle(Clock clock, IdentityProperties properties) {
        this.clock = clock;
        this.maxFailures = properties.login().maxFailuresPerAddress();
        this.window = properties.login().addressWindow();
    }

    /** Whether this address has failed too often recently. */
    public boolean refuses(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent, clock.instant());
            return recent.size() >= maxFailures;
        }
    }

    public void failed(String address) {
        Deque<Instant> recent = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            recent.addLast(now);
        }
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetQuietAddresses() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }
}
