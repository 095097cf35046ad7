package dev.couchannel.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.ledger.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Payouts over random histories: bookings whose nets change (refunds, penalties) between runs at
 * random instants. Whatever happens, nothing is ever paid for a session still inside its window,
 * a payout is never negative, and once every window has passed the payouts add up to exactly the
 * nets (or the host still owes what the nets say, carried over).
 */
class PayoutSettlementPropertyTest {

    static final PayoutSchedule SCHEDULE = new PayoutSchedule(Duration.ofHours(3), Duration.ofHours(72));
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final String HOST = "host@example.com";

    /** One step: booking {@code booking}'s net changes by {@code change} cents, then a payout run at +{@code hours}. */
    record Step(int booking, long change, int hours) {}

    @Property(tries = 500)
    void payoutsNeverPayOpenWindowsNorMoreThanTheNets(@ForAll("histories") List<Step> history) {
        int bookings = 6;
        List<UUID> ids = new ArrayList<>();
        List<Instant> kickoffs = new ArrayList<>();
        Map<UUID, Money> nets = new HashMap<>();
        Map<UUID, Money> settled = new HashMap<>();
        for (int i = 0; i < bookings; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            kickoffs.add(START.plus(Duration.ofHours(24L * i)));
            nets.put(id, eur(0));
            settled.put(id, eur(0));
        }
        Money paid = eur(0);
        Instant now = START;
        for (Step step : history) {
            UUID id = ids.get(step.booking());
            nets.put(id, nets.get(id).plus(eur(step.change())));
            now = now.plus(Duration.ofHours(step.hours()));
            List<BookingBalance> balances = balances(ids, kickoffs, nets, settled);
            for (PayoutPlan plan : PayoutPlan.of(HOST, balances, SCHEDULE, now)) {
                if (!plan.isPayable()) {
                    continue;
                }
                for (PayoutPlan.Item item : plan.items()) {
                    BookingBalance booking = balances.stream()
                            .filter(b -> b.bookingId().equals(item.bookingId()))
                            .findFirst()
                            .orElseThrow();
                    if (item.amount().isPositive()) {
                        assertThat(SCHEDULE.isPayable(booking.kickoff(), now))
                                .as("money of an open window was paid")
                                .isTrue();
                    }
                    settled.put(item.bookingId(), settled.get(item.bookingId()).plus(item.amount()));
                }
                assertThat(plan.amount().isPositive()).isTrue();
                paid = paid.plus(plan.amount());
            }
        }
        // every window has passed: one more run settles whatever is positive in total
        Instant end = kickoffs.getLast().plus(Duration.ofDays(10));
        for (PayoutPlan plan : PayoutPlan.of(HOST, balances(ids, kickoffs, nets, settled), SCHEDULE, end)) {
            if (plan.isPayable()) {
                plan.items()
                        .forEach(item -> settled.put(
                                item.bookingId(), settled.get(item.bookingId()).plus(item.amount())));
                paid = paid.plus(plan.amount());
            }
        }
        Money total = nets.values().stream().reduce(eur(0), Money::plus);
        Money carried = total.minus(paid);
        assertThat(carried.isPositive())
                .as("all due money is paid once every window has passed")
                .isFalse();
        if (carried.isNegative()) {
            assertThat(PayoutPlan.of(HOST, balances(ids, kickoffs, nets, settled), SCHEDULE, end))
                    .allSatisfy(plan -> assertThat(plan.amount()).isEqualTo(carried));
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.longs().between(-3_000, 6_000),
                        Arbitraries.integers().between(0, 48))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    private static List<BookingBalance> balances(
            List<UUID> ids, List<Instant> kickoffs, Map<UUID, Money> nets, Map<UUID, Money> settled) {
        List<BookingBalance> balances = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            balances.add(new BookingBalance(id, HOST, "session-" + i, nets.get(id), settled.get(id), kickoffs.get(i)));
        }
        return balances;
    }

    private static Money eur(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), java.util.Currency.getInstance("EUR"));
    }
}
