package dev.couchannel.pricing.quote.application;

import dev.couchannel.pricing.quote.PricingRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code couchannel.pricing.*} of {@code pricing.yml}.
 *
 * @param quoteTtl how long a quote keeps its price unless a booking locks it
 * @param grpcDeadline deadline of each call to inventory and hosting
 * @param factsFreshFor how long a session's facts (occupancy included) are used before they are asked again
 * @param demandCap the highest demand multiplier
 * @param vat VAT in percent by venue country, e.g. {@code PL: 23}
 * @param defaultVat VAT in percent for any other country
 */
@ConfigurationProperties("couchannel.pricing")
public record PricingProperties(
        Duration quoteTtl,
        Duration grpcDeadline,
        Duration factsFreshFor,
        BigDecimal demandCap,
        Map<String, BigDecimal> vat,
        BigDecimal defaultVat) {

    @Configuration(proxyBeanMethods = false)
    static class Rule {

        @Bean
        PricingRule pricingRule(PricingProperties properties) {
            return new PricingRule(properties.demandCap(), properties.vat(), properties.defaultVat());
        }
    }
}
