package dev.couchannel.pricing.quote;

import static dev.couchannel.pricing.quote.QuoteFixtures.NOW;
import static dev.couchannel.pricing.quote.QuoteFixtures.session;
import static dev.couchannel.pricing.quote.QuoteFixtures.standardRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingRuleTest {

    final PricingRule rule = standardRule();

    @ParameterizedTest(name = "{1} of {0} seats left → {2}")
    @CsvSource({
        "10, 10, 1.00", // empty
        "10, 6, 1.00", // 40 % taken
        "10, 5, 1.10", // exactly 50 %: busy
        "10, 2, 1.10", // exactly 80 %: still busy
        "10, 1, 1.25", // 90 %: nearly full
        "10, 0, 1.25", // sold out
        "3, 1, 1.10" // 66.7 %
    })
    void occupancyRaisesThePrice(int capacity, int seatsLeft, String factor) {
        assertThat(PricingRule.occupancyFactor(capacity, seatsLeft)).isEqualByComparingTo(factor);
    }

    @ParameterizedTest(name = "kickoff in {0} min → {1}")
    @CsvSource({"-30, 1.15", "0, 1.15", "179, 1.15", "180, 1.05", "1439, 1.05", "1440, 1.00", "10000, 1.00"})
    void anApproachingKickoffRaisesThePrice(long minutes, String factor) {
        assertThat(PricingRule.kickoffFactor(Duration.ofMinutes(minutes))).isEqualByComparingTo(factor);
    }

    @Test
    void aQuietSessionDaysAheadCostsItsBasePricePlusFeeAndVat() {
        Price price = rule.price(QuoteFixtures.quietPolishSession(), 2, NOW);

        assertThat(price.demand()).isEqualByComparingTo("1.00");
        assertThat(price.subtotal()).isEqualTo(Money.of("60.00", "PLN"));
        assertThat(price.serviceFee()).isEqualTo(Money.of("3.00", "PLN"));
        assertThat(price.vat()).isEqualTo(Money.of("14.49", "PLN")); // 23 % of 63.00
        assertThat(price.total()).isEqualTo(Money.of("77.49", "PLN"));
        assertThat(price.vatCountry()).isEqualTo("PL");
    }

    @Test
    void aNearlyFullLastMinuteSessionMultipliesBothFactorsAndRoundsHalfEven() {
        Price price = rule.price(session(10, 1, "10.00", "GBP", Duration.ofHours(2), "GB"), 1, NOW);

        assertThat(price.demand()).isEqualByComparingTo("1.4375"); // 1.25 × 1.15, under the cap
        assertThat(price.subtotal()).isEqualTo(Money.of("14.38", "GBP")); // 14.375 → 14.38
        assertThat(price.serviceFee()).isEqualTo(Money.of("0.72", "GBP")); // 0.719
        assertThat(price.vat()).isEqualTo(Money.of("3.02", "GBP")); // 20 % of 15.10
        assertThat(price.total()).isEqualTo(Money.of("18.12", "GBP"));
    }

    @Test
    void demandNeverExceedsTheCap() {
        PricingRule lowCap = new PricingRule(new BigDecimal("1.3"), Map.of(), new BigDecimal("20"));

        Price price = lowCap.price(session(10, 0, "10.00", "EUR", Duration.ofHours(1), "FR"), 2, NOW);

        assertThat(price.demand()).isEqualByComparingTo("1.3");
        assertThat(price.subtotal()).isEqualTo(Money.of("26.00", "EUR"));
        assertThat(rule.demand(session(10, 0, "10.00", "EUR", Duration.ofHours(1), "FR"), NOW))
                .isEqualByComparingTo("1.4375");
    }

    @Test
    void theServiceFeeIsFivePercentButAtLeastFiftyCents() {
        assertThat(PricingRule.serviceFee(Money.of("100.00", "EUR"))).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(PricingRule.serviceFee(Money.of("10.00", "EUR"))).isEqualTo(Money.of("0.50", "EUR")); // 0.50
        assertThat(PricingRule.serviceFee(Money.of("4.00", "EUR"))).isEqualTo(Money.of("0.50", "EUR")); // not 0.20
        assertThat(PricingRule.serviceFee(Money.of("0.00", "EUR"))).isEqualTo(Money.of("0.00", "EUR"));
    }

    @ParameterizedTest(name = "VAT in {0} on 105.00 is {1}")
    @CsvSource({"PL, 24.15", "GB, 21.00", "DE, 19.95", "US, 0.00", "FR, 21.00", "pl, 24.15"})
    void vatFollowsTheVenueCountry(String country, String vat) {
        Price price = rule.price(session(100, 100, "100.00", "EUR", Duration.ofDays(3), country), 1, NOW);

        assertThat(price.vat()).isEqualTo(Money.of(vat, "EUR"));
        assertThat(price.vatCountry()).isEqualTo(country.toUpperCase());
    }

    @Test
    void theTotalIsExactlyTheSumOfItsRoundedParts() {
        for (int seats = 1; seats <= Quote.MAX_SEATS; seats++) {
            for (int left = 0; left <= 7; left++) {
                Price price =
                        rule.price(session(7, left, "13.33", "PLN", Duration.ofHours(left * 5L), "DE"), seats, NOW);

                assertThat(price.total().amount())
                        .isEqualByComparingTo(price.subtotal()
                                .plus(price.serviceFee())
                                .plus(price.vat())
                                .amount());
                assertThat(price.total().amount().scale()).isEqualTo(2);
            }
        }
    }
}
