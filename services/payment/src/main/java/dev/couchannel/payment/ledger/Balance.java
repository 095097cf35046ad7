package dev.couchannel.payment.ledger;

/** An account's balance in one currency: debits minus credits. */
public record Balance(Account account, Money amount) {

    /** What the account is owed (liabilities, revenue): credits minus debits. */
    public Money credit() {
        return amount.negate();
    }
}
