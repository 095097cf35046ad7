package dev.couchannel.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitTest {

    static final Split CAPTURED = new Split(Money.of("90.00", "EUR"), Money.of("10.00", "EUR"));

    @Test
    void aPartialRefundTakesBackFeeAndHostShareInProportion() {
        Split refund = Split.refundOf(CAPTURED, Split.zero(CAPTURED.currency()), Money.of("50.00", "EUR"));

        assertThat(refund).isEqualTo(new Split(Money.of("45.00", "EUR"), Money.of("5.00", "EUR")));
    }

    @Test
    void refundsThatAddUpToTheCaptureGiveBackExactlyTheFeeAndTheHostShare() {
        Split captured = PlatformFee.percent("10").split(Money.of("100.00", "EUR"));
        Split refunded = Split.zero(captured.currency());
        for (String part : new String[] {"33.33", "33.33", "33.33", "0.01"}) {
            refunded = refunded.plus(Split.refundOf(captured, refunded, Money.of(part, "EUR")));
        }

        assertThat(refunded).isEqualTo(captured);
    }

    @Test
    void roundingOfOneRefundIsMadeUpByTheNext() {
        Split captured = PlatformFee.percent("10").split(Money.of("0.15", "EUR")); // fee 0.02 (half-even of 0.015)

        Split first = Split.refundOf(captured, Split.zero(captured.currency()), Money.of("0.05", "EUR"));
        Split rest = Split.refundOf(captured, first, Money.of("0.10", "EUR"));

        assertThat(first.plus(rest)).isEqualTo(captured);
        assertThat(first.platformFee()).isEqualTo(Money.of("0.01", "EUR"));
    }

    @Test
    void aRefundBeyondWhatIsLeftIsRefused() {
        Split refunded = new Split(Money.of("45.00", "EUR"), Money.of("5.00", "EUR"));

        assertThatThrownBy(() -> Split.refundOf(CAPTURED, refunded, Money.of("50.01", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
