package dev.couchannel.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class PlatformFeeTest {

    @Test
    void tenPercentOfAPriceGoesToThePlatformAndTheRestToTheHost() {
        Split split = PlatformFee.percent("10").split(Money.of("12.50", "EUR"));

        assertThat(split.platformFee()).isEqualTo(Money.of("1.25", "EUR"));
        assertThat(split.hostShare()).isEqualTo(Money.of("11.25", "EUR"));
    }

    @Test
    void roundsTheFeeHalfEvenToTheCent() {
        PlatformFee fee = PlatformFee.percent("10");

        assertThat(fee.split(Money.of("0.25", "EUR")).platformFee()).isEqualTo(Money.of("0.02", "EUR"));
        assertThat(fee.split(Money.of("0.35", "EUR")).platformFee()).isEqualTo(Money.of("0.04", "EUR"));
        assertThat(fee.split(Money.of("0.35", "EUR")).hostShare()).isEqualTo(Money.of("0.31", "EUR"));
    }

    @Test
    void aFeeOutsideZeroToAHundredPercentIsRefused() {
        assertThatThrownBy(() -> PlatformFee.percent("100.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformFee.percent("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void feeAndHostShareAlwaysAddUpToTheAmountExactly(
            @ForAll @LongRange(min = 0, max = 10_000_000) long cents,
            @ForAll @BigRange(min = "0", max = "100") @Scale(3) BigDecimal percent) {
        Money amount = new Money(BigDecimal.valueOf(cents, 2), java.util.Currency.getInstance("PLN"));

        Split split = new PlatformFee(percent).split(amount);

        assertThat(split.hostShare().plus(split.platformFee())).isEqualTo(amount);
        assertThat(split.platformFee().isNegative()).isFalse();
        assertThat(split.hostShare().isNegative()).isFalse();
    }
}
