package dev.couchannel.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    static final Instant NOW = Instant.parse("2026-05-01T18:00:00Z");
    static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @Test
    void aCaptureDebitsClearingAndCreditsTheHostAndThePlatform() {
        JournalEntry entry = JournalEntry.capture(
                BOOKING, "host-1", new Split(Money.of("45.00", "EUR"), Money.of("5.00", "EUR")), NOW);

        assertThat(entry.legs())
                .containsExactly(
                        new Leg(Account.PROVIDER_CLEARING, Money.of("50.00", "EUR")),
                        new Leg(Account.hostPayable("host-1"), Money.of("-45.00", "EUR")),
                        new Leg(Account.PLATFORM_REVENUE, Money.of("-5.00", "EUR")));
        assertThat(JournalEntry.sums(entry.legs()).values()).allMatch(Money::isZero);
    }

    @Test
    void aRefundReversesTheCaptureLegByLeg() {
        Split split = new Split(Money.of("9.00", "EUR"), Money.of("1.00", "EUR"));

        JournalEntry entry = JournalEntry.refund(BOOKING, "host-1", "r-1", split, NOW);

        assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.REFUND);
        assertThat(entry.legs())
                .containsExactly(
                        new Leg(Account.PROVIDER_CLEARING, Money.of("-10.00", "EUR")),
                        new Leg(Account.hostPayable("host-1"), Money.of("9.00", "EUR")),
                        new Leg(Account.PLATFORM_REVENUE, Money.of("1.00", "EUR")));
        assertThat(JournalEntry.sums(entry.legs()).values()).allMatch(Money::isZero);
    }

    @Test
    void aHostPenaltyMovesWhatIsOwedToTheHostToThePlatform() {
        JournalEntry entry = JournalEntry.hostPenalty(BOOKING, "host-1", Money.of("20.00", "EUR"), NOW);

        assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.PENALTY);
        assertThat(entry.legs())
                .containsExactly(
                        new Leg(Account.hostPayable("host-1"), Money.of("20.00", "EUR")),
                        new Leg(Account.PLATFORM_REVENUE, Money.of("-20.00", "EUR")));
        assertThat(entry.id())
                .as("one penalty per booking")
                .isEqualTo(JournalEntry.hostPenalty(BOOKING, "host-1", Money.of("30.00", "EUR"), NOW)
                        .id());
    }

    @Test
    void aPayoutMovesWhatIsOwedToTheHostOutOfClearingAndBelongsToThePayoutOnce() {
        UUID payout = UUID.randomUUID();
        JournalEntry entry = JournalEntry.payout(payout, "host-1", Money.of("41.00", "EUR"), NOW);

        assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.PAYOUT);
        assertThat(entry.legs())
                .containsExactly(
                        Leg.debit(Account.hostPayable("host-1"), Money.of("41.00", "EUR")),
                        Leg.credit(Account.PROVIDER_CLEARING, Money.of("41.00", "EUR")));
        assertThat(entry.bookingId()).isNull();
        assertThat(entry.payoutId()).isEqualTo(payout);
        assertThat(JournalEntry.payout(payout, "host-1", Money.of("41.00", "EUR"), NOW.plusSeconds(9))
                        .id())
                .isEqualTo(entry.id());
        assertThatThrownBy(() ->
                        new JournalEntry(UUID.randomUUID(), BOOKING, JournalEntry.Kind.PAYOUT, "x", NOW, entry.legs()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroFeeLeavesOutThePlatformLeg() {
        JournalEntry entry =
                JournalEntry.capture(BOOKING, "host-1", PlatformFee.percent("0").split(Money.of("30.00", "PLN")), NOW);

        assertThat(entry.legs())
                .extracting(Leg::account)
                .containsExactly(Account.PROVIDER_CLEARING, Account.hostPayable("host-1"));
    }

    @Test
    void anUnbalancedEntryIsRefused() {
        List<Leg> legs = List.of(
                Leg.debit(Account.PROVIDER_CLEARING, Money.of("10.00", "EUR")),
                Leg.credit(Account.PLATFORM_REVENUE, Money.of("9.99", "EUR")));

        assertThatThrownBy(
                        () -> new JournalEntry(UUID.randomUUID(), BOOKING, JournalEntry.Kind.CAPTURE, "x", NOW, legs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced by 0.01 EUR");
    }

    @Test
    void legsBalancePerCurrencyNotAcrossCurrencies() {
        List<Leg> legs = List.of(
                Leg.debit(Account.PROVIDER_CLEARING, Money.of("10.00", "EUR")),
                Leg.credit(Account.PLATFORM_REVENUE, Money.of("10.00", "PLN")));

        assertThatThrownBy(
                        () -> new JournalEntry(UUID.randomUUID(), BOOKING, JournalEntry.Kind.CAPTURE, "x", NOW, legs))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryNeedsTwoLegs() {
        List<Leg> legs = List.of(Leg.debit(Account.PROVIDER_CLEARING, Money.of("10.00", "EUR")));

        assertThatThrownBy(
                        () -> new JournalEntry(UUID.randomUUID(), BOOKING, JournalEntry.Kind.CAPTURE, "x", NOW, legs))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameMovementGetsTheSameEntryIdSoItCannotBePostedTwice() {
        Split split = new Split(Money.of("9.00", "EUR"), Money.of("1.00", "EUR"));

        assertThat(JournalEntry.capture(BOOKING, "h", split, NOW).id())
                .isEqualTo(JournalEntry.capture(BOOKING, "h", split, NOW.plusSeconds(5))
                        .id())
                .isNotEqualTo(
                        JournalEntry.refund(BOOKING, "h", "void", split, NOW).id());
        assertThat(JournalEntry.refund(BOOKING, "h", "r-1", split, NOW).id())
                .isNotEqualTo(
                        JournalEntry.refund(BOOKING, "h", "r-2", split, NOW).id());
    }

    @Test
    void aRefundsReversalPutsItsLegsBackAndARepaymentLeavesThroughCouchannelsOwnAccount() {
        Split split = new Split(Money.of("45.00", "EUR"), Money.of("5.00", "EUR"));

        JournalEntry reversal = JournalEntry.refundReversal(BOOKING, "host-1", "r-1", split, NOW);
        JournalEntry repayment = JournalEntry.repayment(BOOKING, "host-1", "r-1", split, "SEPA-1", NOW);

        assertThat(reversal.kind()).isEqualTo(JournalEntry.Kind.REFUND_REVERSAL);
        assertThat(reversal.legs())
                .containsExactly(
                        new Leg(Account.PROVIDER_CLEARING, Money.of("50.00", "EUR")),
                        new Leg(Account.hostPayable("host-1"), Money.of("-45.00", "EUR")),
                        new Leg(Account.PLATFORM_REVENUE, Money.of("-5.00", "EUR")));
        assertThat(repayment.kind()).isEqualTo(JournalEntry.Kind.REPAYMENT);
        assertThat(repayment.legs())
                .containsExactly(
                        new Leg(Account.REPAID_OUTSIDE_PROVIDER, Money.of("-50.00", "EUR")),
                        new Leg(Account.hostPayable("host-1"), Money.of("45.00", "EUR")),
                        new Leg(Account.PLATFORM_REVENUE, Money.of("5.00", "EUR")));
        assertThat(List.of(
                        reversal.id(),
                        repayment.id(),
                        JournalEntry.refund(BOOKING, "host-1", "r-1", split, NOW)
                                .id()))
                .as("each movement has an id of its own, so none is posted twice")
                .doesNotHaveDuplicates();
    }
}
