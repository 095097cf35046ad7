package dev.couchannel.payment.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * How an amount a guest paid divides between the host and the platform. The two parts always add
 * up to {@link #total()} exactly: the host's share is what is left after the rounded fee.
 */
public record Split(Money hostShare, Money platformFee) {

    public Split {
        Objects.requireNonNull(hostShare, "hostShare");
        Objects.requireNonNull(platformFee, "platformFee");
        if (!hostShare.sameCurrencyAs(platformFee)) {
            throw new IllegalArgumentException("a split is in one currency: " + hostShare + " / " + platformFee);
        }
        if (hostShare.isNegative() || platformFee.isNegative()) {
            throw new IllegalArgumentException("a split has no negative part: " + hostShare + " / " + platformFee);
        }
    }

    public static Split zero(Currency currency) {
        return new Split(Money.zero(currency), Money.zero(currency));
    }

    public Money total() {
        return hostShare.plus(platformFee);
    }

    public Currency currency() {
        return hostShare.currency();
    }

    public Split plus(Split other) {
        return new Split(hostShare.plus(other.hostShare), platformFee.plus(other.platformFee));
    }

    public Split minus(Split other) {
        return new Split(hostShare.minus(other.hostShare), platformFee.minus(other.platformFee));
    }

    /**
     * The part of a captured split that a refund of {@code amount} gives back, proportional to the
     * capture. Computed on the running total, so rounding never drifts: after refunds that add up
     * to the whole capture, exactly the host share and exactly the fee have been given back.
     *
     * @param captured the split of the capture
     * @param refunded what earlier refunds already gave back
     * @param amount what this refund gives back; at most {@code captured − refunded}
     */
    public static Split refundOf(Split captured, Split refunded, Money amount) {
        Money remaining = captured.total().minus(refunded.total());
        if (amount.isNegative() || amount.isMoreThan(remaining)) {
            throw new IllegalArgumentException("cannot refund " + amount + " of the remaining " + remaining);
        }
        Money refundedAfter = refunded.total().plus(amount);
        BigDecimal feeTarget = captured.total().isZero()
                ? BigDecimal.ZERO
                : captured.platformFee()
                        .amount()
                        .multiply(refundedAfter.amount())
                        .divide(captured.total().amount(), 2, RoundingMode.HALF_EVEN);
        // Both parts stay within what is left of them: the running fee target never falls and,
        // as the fee is at most the whole amount, never rises by more than the refund; at the full
        // amount it is the whole fee. (PaymentBooksPropertyTest checks this.)
        Money fee = new Money(feeTarget, amount.currency()).minus(refunded.platformFee());
        return new Split(amount.minus(fee), fee);
    }
}
