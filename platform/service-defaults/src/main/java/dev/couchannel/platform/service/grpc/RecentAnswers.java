package dev.couchannel.platform.service.grpc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Keeps the answers of a remote read (a session's facts over gRPC) for a short time, so that a
 * crowd booking one session asks once per {@code freshFor} instead of once per booking. Only the
 * answers {@code worthKeeping} accepts are kept (a found session, not a failure or a "not found",
 * which are asked again every time). Whoever reads through it accepts facts up to {@code freshFor}
 * old; a zero {@code freshFor} keeps nothing. Two readers that miss at once both ask: the cache
 * never makes a reader wait for another one's call.
 *
 * @param <K> what is asked about
 * @param <V> the answer
 */
public final class RecentAnswers<K, V> {

    private record Kept<V>(V answer, long until) {}

    private final long freshForNanos;
    private final int capacity;
    private final Predicate<? super V> worthKeeping;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /**
     * @param freshFor how long an answer is used before it is asked again
     * @param capacity how many answers at most; past it, the stale ones go, then all of them
     * @param worthKeeping which answers to keep
     */
    public RecentAnswers(Duration freshFor, int capacity, Predicate<? super V> worthKeeping) {
        this(freshFor, capacity, worthKeeping, System::nanoTime);
    }

    RecentAnswers(Duration freshFor, int capacity, Predicate<? super V> worthKeeping, LongSupplier nanoTime) {
        if (freshFor.isNegative()) {
            throw new IllegalArgumentException("freshFor must not be negative, but is " + freshFor);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but is " + capacity);
        }
        this.freshForNanos = freshFor.toNanos();
        this.capacity = capacity;
        this.worthKeeping = Objects.requireNonNull(worthKeeping);
        this.nanoTime = nanoTime;
    }

    /** The kept answer for {@code key} while it is fresh, else {@code ask}'s, kept when it is worth it. */
    public V get(K key, Function<? super K, ? extends V> ask) {
        long now = nanoTime.getAsLong();
        Kept<V> recent = kept.get(key);
        if (recent != null && now - recent.until() < 0) {
            return recent.answer();
        }
        V answer = ask.apply(key);
        if (freshForNanos > 0 && worthKeeping.test(answer)) {
            if (kept.size() >= capacity) {
                kept.values().removeIf(old -> now - old.until() >= 0);
                if (kept.size() >= capacity) {
                    kept.clear();
                }
            }
            kept.put(key, new Kept<>(answer, now + freshForNanos));
        } else if (recent != null) {
            kept.remove(key, recent);
        }
        return answer;
    }
}
