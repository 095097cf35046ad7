package dev.couchannel.booking.reservation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in a currency, with cents. Never a double. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** This amount times {@code rate} (e.g. 0.20 for 20 %), rounded half-even to cents. */
    public Money share(BigDecimal rate) {
        return new Money(amount.multiply(rate), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }
}
