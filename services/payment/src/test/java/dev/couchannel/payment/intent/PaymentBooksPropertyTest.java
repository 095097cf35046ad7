package dev.couchannel.payment.intent;

import static dev.couchannel.payment.intent.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.ledger.Account;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Leg;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.PlatformFee;
import dev.couchannel.payment.ledger.Split;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the saga and the guests do to a payment, in any order and any number of times, the
 * books stay balanced and never give back more than was taken.
 */
class PaymentBooksPropertyTest {

    static final Currency EUR = Currency.getInstance("EUR");

    sealed interface Step {}

    record Capture() implements Step {}

    record Refund(long cents, int reason) implements Step {}

    record Void() implements Step {}

    /** The host cancelled: a penalty, perhaps larger than what the host is owed. */
    record Penalty(long cents) implements Step {}

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Step> refunds = Combinators.combine(
                        Arbitraries.longs().between(-100, 150_000),
                        Arbitraries.integers().between(0, 2))
                .as(Refund::new);
        Arbitrary<Step> penalties = Arbitraries.longs().between(-100, 150_000).map(Penalty::new);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new Capture())),
                Tuple.of(6, refunds),
                Tuple.of(1, Arbitraries.just(new Void())),
                Tuple.of(2, penalties));
    }

    @Property(tries = 1000)
    void anySequenceOfCapturesRefundsVoidsAndPenaltiesKeepsTheBooksBalanced(
            @ForAll @LongRange(min = 1, max = 100_000) long cents,
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal feePercent,
            @ForAll @Size(max = 12) List<@From("steps") Step> steps) {
        PlatformFee fee = new PlatformFee(feePercent);
        PaymentIntent intent = PaymentFixtures.authorizedPayment(new Money(BigDecimal.valueOf(cents, 2), EUR));
        List<JournalEntry> entries = new ArrayList<>();

        for (Step step : steps) {
            switch (step) {
                case Capture capture -> {
                    if (intent.capture(fee, NOW) instanceof CaptureOutcome.Captured captured && captured.justNow()) {
                        entries.add(JournalEntry.capture(intent.bookingId(), intent.hostId(), captured.split(), NOW));
                    }
                }
                case Refund refund -> {
                    Money amount = new Money(BigDecimal.valueOf(refund.cents(), 2), EUR);
                    if (intent.refund(amount, "reason " + refund.reason(), NOW)
                                    instanceof RefundOutcome.Refunded refunded
                            && refunded.justNow()) {
                        entries.add(refundEntry(intent, refunded.refund()));
                    }
                }
                case Void voiding -> {
                    if (intent.voidPayment("compensation", NOW) instanceof VoidOutcome.RefundedInFull refunded) {
                        entries.add(refundEntry(intent, refunded.refund()));
                    }
                }
                case Penalty penalty -> {
                    Money amount = new Money(BigDecimal.valueOf(penalty.cents(), 2), EUR);
                    if (amount.isNegative()) {
                        continue; // the command handler refuses a negative penalty as a poison message
                    }
                    if (intent.penalizeHost(amount, NOW) instanceof PenaltyOutcome.Charged charged
                            && charged.justNow()) {
                        entries.add(
                                JournalEntry.hostPenalty(intent.bookingId(), intent.hostId(), charged.penalty(), NOW));
                    }
                }
            }
            assertBooksBalance(intent, entries);
        }
    }

    private static JournalEntry refundEntry(PaymentIntent intent, dev.couchannel.payment.intent.Refund refund) {
        return JournalEntry.refund(intent.bookingId(), intent.hostId(), refund.key(), refund.split(), NOW);
    }

    private static void assertBooksBalance(PaymentIntent intent, List<JournalEntry> entries) {
        Map<Account, Money> balances = new HashMap<>();
        for (JournalEntry entry : entries) {
            for (Leg leg : entry.legs()) {
                balances.merge(leg.account(), leg.amount(), Money::plus);
            }
        }
        Money zero = Money.zero(EUR);
        Money total = balances.values().stream().reduce(zero, Money::plus);
        Money clearing = balances.getOrDefault(Account.PROVIDER_CLEARING, zero);
        Money hostPayable = balances.getOrDefault(Account.hostPayable(intent.hostId()), zero);
        Money revenue = balances.getOrDefault(Account.PLATFORM_REVENUE, zero);
        Split captured = intent.captured().orElse(Split.zero(EUR));
        Money penalty = intent.hostPenalty().orElse(zero);

        assertThat(total).as("all accounts sum to zero").isEqualTo(zero);
        assertThat(clearing).as("the provider holds what is still refundable").isEqualTo(intent.refundable());
        assertThat(hostPayable)
                .as("the host is owed the share of what was kept, less the penalty")
                .isEqualTo(intent.refunded()
                        .hostShare()
                        .minus(captured.hostShare())
                        .plus(penalty));
        assertThat(hostPayable.minus(penalty).isPositive())
                .as("never more taken back from the host than owed, but for the penalty")
                .isFalse();
        assertThat(revenue.plus(penalty).isPositive())
                .as("never more fee refunded than earned")
                .isFalse();
        assertThat(revenue)
                .as("the platform keeps its fee of what was kept, plus the penalty")
                .isEqualTo(intent.refunded()
                        .platformFee()
                        .minus(captured.platformFee())
                        .minus(penalty));
        assertThat(intent.refunded().total().isMoreThan(captured.total()))
                .as("never more refunded than captured")
                .isFalse();
        assertThat(entries).extracting(JournalEntry::id).doesNotHaveDuplicates();
        if (intent.status() == PaymentStatus.REFUNDED) {
            assertThat(clearing.isZero()).as("everything given back").isTrue();
            assertThat(hostPayable).as("the host owes just the penalty").isEqualTo(penalty);
            assertThat(revenue).as("the platform keeps just the penalty").isEqualTo(penalty.negate());
        }
    }
}
