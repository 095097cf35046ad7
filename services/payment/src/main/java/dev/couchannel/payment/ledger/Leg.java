package dev.couchannel.payment.ledger;

import java.util.Objects;

/**
 * One line of a journal entry: {@code amount} is signed, a debit positive and a credit negative.
 */
public record Leg(Account account, Money amount) {

    public Leg {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a leg moves money; " + account + " got zero");
        }
    }

    public static Leg debit(Account account, Money amount) {
        requirePositive(amount);
        return new Leg(account, amount);
    }

    public static Leg credit(Account account, Money amount) {
        requirePositive(amount);
        return new Leg(account, amount.negate());
    }

    public boolean isDebit() {
        return amount.isPositive();
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("debit and credit amounts are positive, got " + amount);
        }
    }
}
