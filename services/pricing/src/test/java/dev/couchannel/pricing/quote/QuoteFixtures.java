package dev.couchannel.pricing.quote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Sessions, rules and quotes with domain names, for the pricing tests. */
public final class QuoteFixtures {

    public static final Instant NOW = Instant.parse("2026-05-02T12:00:00Z");

    private QuoteFixtures() {}

    /** The configured rule of pricing.yml. */
    public static PricingRule standardRule() {
        return new PricingRule(
                new BigDecimal("1.5"),
                Map.of(
                        "PL", new BigDecimal("23"),
                        "GB", new BigDecimal("20"),
                        "DE", new BigDecimal("19"),
                        "US", new BigDecimal("0")),
                new BigDecimal("20"));
    }

    /** 10 seats at 30.00 PLN, all free, kickoff in two days, in Poland. */
    public static PricedSession quietPolishSession() {
        return session(10, 10, "30.00", "PLN", Duration.ofDays(2), "PL");
    }

    public static PricedSession session(
            int capacity, int seatsLeft, String price, String currency, Duration untilKickoff, String country) {
        return new PricedSession(
                UUID.randomUUID(),
                capacity,
                seatsLeft,
                Money.of(price, currency),
                NOW.plus(untilKickoff),
                true,
                country);
    }

    /** A fresh 2-seat quote of {@link #quietPolishSession()} for guest@example.com. */
    public static Quote freshQuote() {
        return Quote.offer(standardRule(), quietPolishSession(), 2, "guest@example.com", NOW, Duration.ofMinutes(15));
    }
}
