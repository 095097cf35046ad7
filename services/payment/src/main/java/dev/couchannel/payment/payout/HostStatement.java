package dev.couchannel.payment.payout;

import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A host's money that no payout has settled yet, per currency: what the next payout takes
 * ({@code due}: positive is paid at the next run, negative carries over), and what becomes payable
 * later, session by session, with the instant it does.
 */
public record HostStatement(List<CurrencyBalance> balances) {

    /** A session's money still inside its dispute window (or whose kickoff payment has not learned yet). */
    public record Upcoming(
            String sessionId, Money amount, @Nullable Instant payableAt) {}

    public record CurrencyBalance(String currency, Money due, Money pending, List<Upcoming> upcoming) {}

    public HostStatement {
        balances = List.copyOf(balances);
    }

    public static HostStatement of(List<BookingBalance> bookings, PayoutSchedule schedule, Instant now) {
        Map<String, List<BookingBalance>> byCurrency = new TreeMap<>();
        bookings.forEach(booking -> byCurrency
                .computeIfAbsent(booking.currency().getCurrencyCode(), code -> new ArrayList<>())
                .add(booking));
        List<CurrencyBalance> balances = new ArrayList<>();
        byCurrency.forEach((code, list) -> {
            Money zero = Money.zero(Currency.getInstance(code));
            Money due = zero;
            Money pending = zero;
            Map<String, Upcoming> sessions = new TreeMap<>();
            for (BookingBalance booking : list) {
                Money open = booking.unsettled();
                if (open.isZero()) {
                    continue;
                }
                if (booking.isDue(schedule, now)) {
                    due = due.plus(open);
                    continue;
                }
                pending = pending.plus(open);
                Instant at = booking.kickoff() == null ? null : schedule.payableAt(booking.kickoff());
                sessions.merge(
                        booking.sessionId(),
                        new Upcoming(booking.sessionId(), open, at),
                        (a, b) -> new Upcoming(a.sessionId(), a.amount().plus(b.amount()), a.payableAt()));
            }
            if (!due.isZero() || !pending.isZero()) {
                List<Upcoming> upcoming = new ArrayList<>(sessions.values());
                upcoming.sort(
                        Comparator.comparing(Upcoming::payableAt, Comparator.nullsLast(Comparator.naturalOrder())));
                balances.add(new CurrencyBalance(code, due, pending, upcoming));
            }
        });
        return new HostStatement(balances);
    }
}
