package dev.couchannel.payment.payout;

import dev.couchannel.payment.ledger.Account;
import dev.couchannel.payment.ledger.Balance;
import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The books checked two ways: every currency's accounts sum to zero in the ledger, and each host's
 * payable in the ledger equals what the payment intents and payouts say independently (captured host
 * shares − the host's part of refunds − penalties − payouts).
 */
public record Reconciliation(Instant checkedAt, List<CurrencyTotal> currencies, List<HostPayable> hosts) {

    /** The sum of every account's balance in a currency: zero when the ledger balances. */
    public record CurrencyTotal(String currency, Money sum) {
        public boolean balanced() {
            return sum.isZero();
        }
    }

    /** What the host is owed by the ledger and by the intents; equal unless something is wrong. */
    public record HostPayable(String hostId, String currency, Money ledger, Money expected) {
        public boolean matches() {
            return ledger.equals(expected);
        }

        public Money difference() {
            return ledger.minus(expected);
        }
    }

    /**
     * What the intents side says one host is owed in one currency.
     *
     * @param captured the host shares of every capture
     * @param refunded the host's parts of every refund
     * @param penalties the host's cancellation penalties
     * @param paidOut what PAID payouts sent the host
     */
    public record Expected(String hostId, Money captured, Money refunded, Money penalties, Money paidOut) {
        public Money payable() {
            return captured.minus(refunded).minus(penalties).minus(paidOut);
        }
    }

    public Reconciliation {
        currencies = List.copyOf(currencies);
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** Compares the ledger's balances with the intents' side, host by host and currency by currency. */
    public static Reconciliation of(List<Balance> ledger, List<Expected> expected, Instant now) {
        Map<String, Money> sums = new TreeMap<>();
        Map<String, Money> ledgerPayable = new TreeMap<>();
        for (Balance balance : ledger) {
            String currency = balance.amount().currency().getCurrencyCode();
            sums.merge(currency, balance.amount(), Money::plus);
            if (balance.account().isHostPayable()) {
                ledgerPayable.put(key(hostOf(balance.account()), currency), balance.credit());
            }
        }
        Map<String, Money> expectedPayable = new TreeMap<>();
        for (Expected host : expected) {
            expectedPayable.merge(
                    key(host.hostId(), host.captured().currency().getCurrencyCode()), host.payable(), Money::plus);
        }
        List<HostPayable> hosts = new ArrayList<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        ledgerPayable.keySet().forEach(k -> keys.put(k, true));
        expectedPayable.keySet().forEach(k -> keys.put(k, true));
        for (String k : keys.keySet()) {
            int split = k.lastIndexOf(' ');
            String host = k.substring(0, split);
            String currency = k.substring(split + 1);
            Money zero = Money.zero(java.util.Currency.getInstance(currency));
            hosts.add(new HostPayable(
                    host, currency, ledgerPayable.getOrDefault(k, zero), expectedPayable.getOrDefault(k, zero)));
        }
        hosts.sort(Comparator.comparing(HostPayable::hostId).thenComparing(HostPayable::currency));
        List<CurrencyTotal> currencies = sums.entrySet().stream()
                .map(e -> new CurrencyTotal(e.getKey(), e.getValue()))
                .toList();
        return new Reconciliation(now, currencies, hosts);
    }

    /** Whether every currency sums to zero and every host's payable matches. */
    public boolean balanced() {
        return currencies.stream().allMatch(CurrencyTotal::balanced)
                && hosts.stream().allMatch(HostPayable::matches);
    }

    /** The hosts whose ledger payable differs from the intents' side. */
    public List<HostPayable> mismatches() {
        return hosts.stream().filter(host -> !host.matches()).toList();
    }

    private static String hostOf(Account account) {
        return account.name().substring("host_payable:".length());
    }

    private static String key(String host, String currency) {
        return host + " " + currency;
    }
}
