package dev.couchannel.pricing.quote;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How couchannel prices seats of a viewing session.
 *
 * <pre>
 * subtotal    = base price per seat × seats × demand                       (rounded to the cent)
 * demand      = min(occupancy factor × kickoff factor, demand cap)
 *   occupancy = 1 − seats left / capacity:  below 50 % → 1.00, 50–80 % → 1.10, above 80 % → 1.25
 *   kickoff   = time until kickoff:         under 3 h → 1.15, under 24 h → 1.05, otherwise 1.00
 * service fee = 5 % of the subtotal, at least 0.50 of the currency (none on a free subtotal)
 * VAT         = VAT rate of the venue's country × (subtotal + service fee)
 * total       = subtotal + service fee + VAT
 * </pre>
 *
 * Every amount is rounded half-even to two decimals before it is added, so the total is exactly
 * the sum of its parts. The demand cap and the VAT rates are configuration; the factors below
 * are the product decision they encode.
 */
public final class PricingRule {

    /** Occupancy from which demand counts as busy ({@link #BUSY_FACTOR}), inclusive. */
    public static final BigDecimal BUSY_OCCUPANCY = new BigDecimal("0.50");
    /** Occupancy above which a session is nearly full ({@link #NEARLY_FULL_FACTOR}). */
    public static final BigDecimal NEARLY_FULL_OCCUPANCY = new BigDecimal("0.80");

    public static final BigDecimal QUIET_FACTOR = new BigDecimal("1.00");
    public static final BigDecimal BUSY_FACTOR = new BigDecimal("1.10");
    public static final BigDecimal NEARLY_FULL_FACTOR = new BigDecimal("1.25");

    /** Kickoff this close makes a last-minute seat ({@link #LAST_MINUTE_FACTOR}). */
    public static final Duration LAST_MINUTE = Duration.ofHours(3);
    /** Kickoff this close makes a same-day seat ({@link #SAME_DAY_FACTOR}). */
    public static final Duration SAME_DAY = Duration.ofHours(24);

    public static final BigDecimal LAST_MINUTE_FACTOR = new BigDecimal("1.15");
    public static final BigDecimal SAME_DAY_FACTOR = new BigDecimal("1.05");
    public static final BigDecimal EARLY_FACTOR = new BigDecimal("1.00");

    /** couchannel's service fee, a share of the subtotal. */
    public static final BigDecimal SERVICE_FEE_RATE = new BigDecimal("0.05");
    /** The smallest service fee on a paid subtotal, in units of its currency. */
    public static final BigDecimal MINIMUM_SERVICE_FEE = new BigDecimal("0.50");

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final BigDecimal demandCap;
    private final Map<String, BigDecimal> vatPercentByCountry;
    private final BigDecimal defaultVatPercent;

    /**
     * @param demandCap the highest demand multiplier, e.g. 1.5
     * @param vatPercentByCountry VAT in percent by ISO 3166 alpha-2 country, e.g. {@code PL → 23}
     * @param defaultVatPercent VAT in percent for a country not in the map
     */
    public PricingRule(
            BigDecimal demandCap, Map<String, BigDecimal> vatPercentByCountry, BigDecimal defaultVatPercent) {
        if (demandCap.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("the demand cap must be at least 1, not " + demandCap);
        }
        this.demandCap = demandCap;
        this.vatPercentByCountry = vatPercentByCountry.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        entry -> entry.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        this.defaultVatPercent = defaultVatPercent;
    }

    /** Prices {@code seats} seats of {@code session} at {@code now}. */
    public Price price(PricedSession session, int seats, Instant now) {
        if (seats <= 0) {
            throw new IllegalArgumentException("seats must be positive, not " + seats);
        }
        BigDecimal demand = demand(session, now);
        Money subtotal = session.pricePerSeat().times(BigDecimal.valueOf(seats).multiply(demand));
        Money fee = serviceFee(subtotal);
        String country = session.venueCountry().toUpperCase(Locale.ROOT);
        BigDecimal vatRate = vatPercent(country).divide(HUNDRED, MathContext.DECIMAL64);
        Money vat = subtotal.plus(fee).times(vatRate);
        return new Price(subtotal, fee, vat, subtotal.plus(fee).plus(vat), demand, country);
    }

    /** The demand multiplier: occupancy factor × kickoff factor, at most the cap. */
    public BigDecimal demand(PricedSession session, Instant now) {
        BigDecimal product = occupancyFactor(session.capacity(), session.seatsLeft())
                .multiply(kickoffFactor(Duration.between(now, session.kickoff())));
        return product.min(demandCap);
    }

    static BigDecimal occupancyFactor(int capacity, int seatsLeft) {
        if (capacity <= 0) {
            return QUIET_FACTOR;
        }
        int taken = Math.max(0, capacity - Math.max(0, seatsLeft));
        // taken / capacity compared to a threshold, without rounding the quotient
        BigDecimal seatsTaken = BigDecimal.valueOf(taken);
        BigDecimal seats = BigDecimal.valueOf(capacity);
        if (seatsTaken.compareTo(NEARLY_FULL_OCCUPANCY.multiply(seats)) > 0) {
            return NEARLY_FULL_FACTOR;
        }
        if (seatsTaken.compareTo(BUSY_OCCUPANCY.multiply(seats)) >= 0) {
            return BUSY_FACTOR;
        }
        return QUIET_FACTOR;
    }

    static BigDecimal kickoffFactor(Duration untilKickoff) {
        if (untilKickoff.compareTo(LAST_MINUTE) < 0) {
            return LAST_MINUTE_FACTOR;
        }
        if (untilKickoff.compareTo(SAME_DAY) < 0) {
            return SAME_DAY_FACTOR;
        }
        return EARLY_FACTOR;
    }

    static Money serviceFee(Money subtotal) {
        if (subtotal.isZero()) {
            return subtotal;
        }
        return subtotal.times(SERVICE_FEE_RATE).max(new Money(MINIMUM_SERVICE_FEE, subtotal.currency()));
    }

    BigDecimal vatPercent(String country) {
        return vatPercentByCountry.getOrDefault(country, defaultVatPercent);
    }
}
