package dev.couchannel.payment.web;

import dev.couchannel.payment.ledger.Money;

/** An amount as payment's APIs show it: a plain decimal string and an ISO 4217 currency code. */
public record MoneyView(String amount, String currency) {

    public static MoneyView of(Money money) {
        return new MoneyView(money.amount().toPlainString(), money.currency().getCurrencyCode());
    }
}
