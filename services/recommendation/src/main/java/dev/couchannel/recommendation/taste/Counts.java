package dev.couchannel.recommendation.taste;

import java.util.Map;
import java.util.TreeMap;

/** Immutable counting over maps, for the aggregates the topology adds to and subtracts from. */
final class Counts {

    private Counts() {}

    static Map<String, Integer> plus(Map<String, Integer> counts, String key) {
        TreeMap<String, Integer> next = new TreeMap<>(counts);
        next.merge(key, 1, Integer::sum);
        return next;
    }

    /** One fewer of {@code key}; a count that reaches zero is removed, never negative. */
    static Map<String, Integer> minus(Map<String, Integer> counts, String key) {
        TreeMap<String, Integer> next = new TreeMap<>(counts);
        next.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
        return next;
    }
}
