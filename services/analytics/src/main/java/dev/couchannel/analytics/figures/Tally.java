package dev.couchannel.analytics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Adds up the counts of one period (or one point) and turns them into {@link Figures}: the rates
 * are computed from the sums, never averaged from smaller periods.
 */
public final class Tally {

    private int confirmed;
    private int seats;
    private int rejected;
    private int cancelled;
    private final Map<String, Integer> cancelledBy = new TreeMap<>();
    private final Map<String, BigDecimal> gross = new TreeMap<>();
    private final Map<String, BigDecimal> refunds = new TreeMap<>();
    private int sessions;
    private int sold;
    private int capacity;
    private Nps nps = Nps.NONE;
    private final Map<PackageKey, int[]> packages = new TreeMap<>();

    private record PackageKey(String provider, String licence) implements Comparable<PackageKey> {
        @Override
        public int compareTo(PackageKey other) {
            int byProvider = provider.compareTo(other.provider);
            return byProvider != 0 ? byProvider : licence.compareTo(other.licence);
        }
    }

    public Tally confirmed(int bookings, int seatCount) {
        confirmed += bookings;
        seats += seatCount;
        return this;
    }

    public Tally gross(String currency, BigDecimal amount) {
        gross.merge(currency, amount, BigDecimal::add);
        return this;
    }

    public Tally rejected(int bookings) {
        rejected += bookings;
        return this;
    }

    /** Cancellations by one party; {@code refund} in {@code currency} (null: none recorded). */
    public Tally cancelled(String by, int bookings, @Nullable String currency, @Nullable BigDecimal refund) {
        cancelled += bookings;
        cancelledBy.merge(by, bookings, Integer::sum);
        if (currency != null && refund != null) {
            refunds.merge(currency, refund, BigDecimal::add);
        }
        return this;
    }

    public Tally sessions(int count, int soldSeats, int seatCapacity) {
        sessions += count;
        sold += soldSeats;
        capacity += seatCapacity;
        return this;
    }

    public Tally answers(Nps answers) {
        nps = nps.plus(answers);
        return this;
    }

    public Tally packageUsed(String provider, String licence, int bookings, int seatCount) {
        int[] sums = packages.computeIfAbsent(new PackageKey(provider, licence), key -> new int[2]);
        sums[0] += bookings;
        sums[1] += seatCount;
        return this;
    }

    /** Adds another tally's counts to this one. */
    public Tally plus(Tally other) {
        confirmed(other.confirmed, other.seats);
        rejected(other.rejected);
        cancelled += other.cancelled;
        other.cancelledBy.forEach((by, count) -> cancelledBy.merge(by, count, Integer::sum));
        other.gross.forEach(this::gross);
        other.refunds.forEach((currency, amount) -> refunds.merge(currency, amount, BigDecimal::add));
        sessions(other.sessions, other.sold, other.capacity);
        answers(other.nps);
        other.packages.forEach((key, sums) -> packageUsed(key.provider(), key.licence(), sums[0], sums[1]));
        return this;
    }

    public Figures figures() {
        List<Figures.Revenue> revenue = new ArrayList<>();
        TreeMap<String, BigDecimal> currencies = new TreeMap<>(gross);
        refunds.keySet().forEach(currency -> currencies.putIfAbsent(currency, BigDecimal.ZERO));
        currencies.forEach((currency, in) -> {
            BigDecimal out = refunds.getOrDefault(currency, BigDecimal.ZERO);
            revenue.add(new Figures.Revenue(currency, money(in), money(out), money(in.subtract(out))));
        });
        List<Figures.PackageUsage> usage = new ArrayList<>();
        packages.forEach(
                (key, sums) -> usage.add(new Figures.PackageUsage(key.provider(), key.licence(), sums[0], sums[1])));
        return new Figures(
                confirmed,
                seats,
                rejected,
                cancelled,
                ratio(cancelled, confirmed),
                Map.copyOf(new TreeMap<>(cancelledBy)),
                List.copyOf(revenue),
                new Figures.Occupancy(sessions, sold, capacity, ratio(sold, capacity)),
                Figures.NpsFigures.of(nps),
                List.copyOf(usage));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static @Nullable BigDecimal ratio(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
