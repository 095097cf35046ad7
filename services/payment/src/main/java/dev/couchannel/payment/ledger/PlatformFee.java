package dev.couchannel.payment.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * couchannel's share of every captured payment, a percentage of the amount rounded half-even to
 * the cent. The host gets the rest, so fee and host share always add up to the amount exactly.
 */
public record PlatformFee(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PlatformFee {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a platform fee is between 0 and 100 percent, got " + percent);
        }
    }

    public static PlatformFee percent(String percent) {
        return new PlatformFee(new BigDecimal(percent));
    }

    public Split split(Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot split a negative amount " + amount);
        }
        BigDecimal fee = amount.amount().multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
        Money platformFee = new Money(fee, amount.currency());
        return new Split(amount.minus(platformFee), platformFee);
    }
}
