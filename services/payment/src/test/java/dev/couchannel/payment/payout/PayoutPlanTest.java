package dev.couchannel.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.payment.ledger.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutPlanTest {

    static final PayoutSchedule SCHEDULE = new PayoutSchedule(Duration.ofHours(3), Duration.ofHours(72));
    static final Instant KICKOFF = Instant.parse("2026-11-21T20:00:00Z");
    static final Instant PAYABLE = Instant.parse("2026-11-24T23:00:00Z");
    static final String HOST = "host@example.com";

    @Test
    void moneyBecomesPayableAtKickoffPlusThreeHoursPlusTheDisputeWindowNotASecondBefore() {
        assertThat(SCHEDULE.payableAt(KICKOFF)).isEqualTo(PAYABLE);
        BookingBalance booking = booking("45.00", "0.00", KICKOFF);

        assertThat(booking.isDue(SCHEDULE, PAYABLE.minusSeconds(1))).isFalse();
        assertThat(booking.isDue(SCHEDULE, PAYABLE)).isTrue();
        assertThat(PayoutPlan.of(HOST, List.of(booking), SCHEDULE, PAYABLE.minusSeconds(1)))
                .isEmpty();
        assertThat(PayoutPlan.of(HOST, List.of(booking), SCHEDULE, PAYABLE))
                .singleElement()
                .satisfies(plan -> {
                    assertThat(plan.amount()).isEqualTo(eur("45.00"));
                    assertThat(plan.isPayable()).isTrue();
                });
    }

    @Test
    void whatTheHostOwesIsDeductedAtOnceAndANegativeTotalIsNoPayout() {
        BookingBalance attended = booking("9.00", "0.00", KICKOFF);
        BookingBalance penalised = booking("-10.00", "0.00", PAYABLE.plus(Duration.ofDays(30)));

        PayoutPlan plan = PayoutPlan.of(HOST, List.of(attended, penalised), SCHEDULE, PAYABLE)
                .getFirst();

        assertThat(plan.amount()).isEqualTo(eur("-1.00"));
        assertThat(plan.isPayable()).isFalse();
        assertThat(plan.items()).hasSize(2);
    }

    @Test
    void onlyWhatEarlierPayoutsDidNotSettleIsPaidAndSettledBookingsAreLeftOut() {
        BookingBalance settled = booking("45.00", "45.00", KICKOFF);
        BookingBalance refundedAfterPayout = booking("30.00", "45.00", KICKOFF);
        BookingBalance unknownKickoff = booking("18.00", "0.00", null);
        BookingBalance fresh = booking("27.00", "0.00", KICKOFF);

        PayoutPlan plan = PayoutPlan.of(
                        HOST, List.of(settled, refundedAfterPayout, unknownKickoff, fresh), SCHEDULE, PAYABLE)
                .getFirst();

        assertThat(plan.amount()).isEqualTo(eur("12.00"));
        assertThat(plan.items())
                .extracting(PayoutPlan.Item::bookingId)
                .containsExactlyInAnyOrder(refundedAfterPayout.bookingId(), fresh.bookingId());
    }

    @Test
    void currenciesArePlannedApart() {
        BookingBalance euros = booking("45.00", "0.00", KICKOFF);
        BookingBalance zlotys = new BookingBalance(
                UUID.randomUUID(), HOST, "s", Money.of("90.00", "PLN"), Money.of("0.00", "PLN"), KICKOFF);

        assertThat(PayoutPlan.of(HOST, List.of(euros, zlotys), SCHEDULE, PAYABLE))
                .extracting(plan -> plan.amount().toString())
                .containsExactly("45.00 EUR", "90.00 PLN");
    }

    @Test
    void anotherHostsBookingIsRefused() {
        BookingBalance theirs =
                new BookingBalance(UUID.randomUUID(), "other@example.com", "s", eur("1.00"), eur("0.00"), KICKOFF);

        assertThatThrownBy(() -> PayoutPlan.of(HOST, List.of(theirs), SCHEDULE, PAYABLE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStatementTellsWhatIsDueAndWhenTheRestBecomesPayable() {
        Instant later = KICKOFF.plus(Duration.ofDays(2));
        HostStatement statement = HostStatement.of(
                List.of(
                        booking("45.00", "0.00", KICKOFF),
                        booking("-4.00", "0.00", later),
                        booking("20.00", "0.00", later)),
                SCHEDULE,
                PAYABLE);

        HostStatement.CurrencyBalance eur = statement.balances().getFirst();
        assertThat(eur.due()).isEqualTo(eur("41.00"));
        assertThat(eur.pending()).isEqualTo(eur("20.00"));
        assertThat(eur.upcoming()).singleElement().satisfies(upcoming -> assertThat(upcoming.payableAt())
                .isEqualTo(SCHEDULE.payableAt(later)));
    }

    @Test
    void retriesBackOffDoublingUpToTheMaximum() {
        PayoutRetry retry = new PayoutRetry(Duration.ofMinutes(1), Duration.ofMinutes(5));

        assertThat(List.of(retry.after(1), retry.after(2), retry.after(3), retry.after(4), retry.after(30)))
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5));
    }

    private static BookingBalance booking(String net, String settled, Instant kickoff) {
        return new BookingBalance(UUID.randomUUID(), HOST, "session-" + kickoff, eur(net), eur(settled), kickoff);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
