package dev.couchannel.contracts;

import dev.couchannel.contracts.common.v1.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Builds the contracts' {@code couchannel.common.v1.Money} from any service's own money value
 * (each bounded context keeps its own type; this is the one way they all go onto the wire).
 */
public final class WireMoney {

    private WireMoney() {}

    /** The amount as written ({@code "12.50"}: services keep two decimals), the currency as ISO 4217. */
    public static Money of(BigDecimal amount, Currency currency) {
        return Money.newBuilder()
                .setAmount(amount.toPlainString())
                .setCurrency(currency.getCurrencyCode())
                .build();
    }
}
