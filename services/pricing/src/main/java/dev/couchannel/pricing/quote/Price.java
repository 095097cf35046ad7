package dev.couchannel.pricing.quote;

import java.math.BigDecimal;

/**
 * A priced order, as {@link PricingRule} computed it. {@code total = subtotal + serviceFee + vat}
 * exactly (each part is rounded to the cent before they are added).
 *
 * @param demand the demand multiplier applied to the base price
 * @param vatCountry the country whose VAT rate applied
 */
public record Price(Money subtotal, Money serviceFee, Money vat, Money total, BigDecimal demand, String vatCountry) {

    public Price {
        if (total.amount().compareTo(subtotal.plus(serviceFee).plus(vat).amount()) != 0) {
            throw new IllegalArgumentException("total " + total + " is not subtotal + fee + VAT");
        }
    }
}
