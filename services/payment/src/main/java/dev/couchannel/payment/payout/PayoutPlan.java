package dev.couchannel.payment.payout;

import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one host's next payout in one currency would settle: every due booking's unsettled amount
 * ({@link BookingBalance#isDue}). Only a positive total is paid; a negative one (penalties larger than
 * the money due) carries over, and the bookings stay unsettled until later money covers them.
 */
public record PayoutPlan(String hostId, Money amount, List<Item> items) {

    /** One booking's part of a payout. */
    public record Item(UUID bookingId, Money amount) {}

    public PayoutPlan {
        Objects.requireNonNull(hostId, "hostId");
        items = List.copyOf(items);
        Money sum = Money.zero(amount.currency());
        for (Item item : items) {
            sum = sum.plus(item.amount());
        }
        if (!sum.equals(amount)) {
            throw new IllegalArgumentException("the items of a payout add up to " + sum + ", not " + amount);
        }
    }

    /** Whether there is money to pay: a positive total. */
    public boolean isPayable() {
        return amount.isPositive();
    }

    /** The plans of one host, one per currency that has something due, by currency code. */
    public static List<PayoutPlan> of(
            String hostId, List<BookingBalance> balances, PayoutSchedule schedule, Instant now) {
        Map<String, List<BookingBalance>> due = new TreeMap<>();
        for (BookingBalance balance : balances) {
            if (!balance.hostId().equals(hostId)) {
                throw new IllegalArgumentException("booking " + balance.bookingId() + " is not " + hostId + "'s");
            }
            if (balance.isDue(schedule, now)) {
                due.computeIfAbsent(balance.currency().getCurrencyCode(), code -> new ArrayList<>())
                        .add(balance);
            }
        }
        List<PayoutPlan> plans = new ArrayList<>();
        due.forEach((code, bookings) -> {
            Money total = Money.zero(Currency.getInstance(code));
            List<Item> items = new ArrayList<>();
            for (BookingBalance booking : bookings) {
                total = total.plus(booking.unsettled());
                items.add(new Item(booking.bookingId(), booking.unsettled()));
            }
            plans.add(new PayoutPlan(hostId, total, items));
        });
        return plans;
    }
}
