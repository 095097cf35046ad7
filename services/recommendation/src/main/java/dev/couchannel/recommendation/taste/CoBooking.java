package dev.couchannel.recommendation.taste;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Hosts that other guests of the guest's hosts also booked: for each host A the guest booked, each
 * other guest of A counts once for every other host B they booked. Computed when asked from two
 * stores (the guests of a host, the taste of a guest), at most {@code maxGuestsPerHost} guests per host.
 */
public record CoBooking(Map<String, Reason.CoBooked> byHost) {

    public CoBooking {
        byHost = Map.copyOf(byHost);
    }

    public static CoBooking none() {
        return new CoBooking(Map.of());
    }

    public static CoBooking of(
            String guest,
            Taste taste,
            Function<String, HostGuests> guestsOf,
            Function<String, Taste> tasteOf,
            int maxGuestsPerHost) {
        Map<String, Map<String, Integer>> guestsByHostAndVia = new HashMap<>();
        for (String bookedHost : taste.hosts().keySet()) {
            guestsOf.apply(bookedHost).guests().keySet().stream()
                    .filter(other -> !other.equals(guest))
                    .sorted()
                    .limit(maxGuestsPerHost)
                    .forEach(other -> {
                        for (String alsoBooked : tasteOf.apply(other).hosts().keySet()) {
                            if (!alsoBooked.equals(bookedHost) && !alsoBooked.equals(guest)) {
                                guestsByHostAndVia
                                        .computeIfAbsent(alsoBooked, h -> new HashMap<>())
                                        .merge(bookedHost, 1, Integer::sum);
                            }
                        }
                    });
        }
        Map<String, Reason.CoBooked> byHost = new HashMap<>();
        // per host, the booked host most of its guests share; on a tie the first by name (stable answers)
        Comparator<Map.Entry<String, Integer>> strongest = Comparator.<Map.Entry<String, Integer>>comparingInt(
                        Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey);
        guestsByHostAndVia.forEach((host, byVia) -> byVia.entrySet().stream()
                .min(strongest)
                .ifPresent(best -> byHost.put(host, new Reason.CoBooked(host, best.getKey(), best.getValue()))));
        return new CoBooking(byHost);
    }
}
