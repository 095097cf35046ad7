package dev.couchannel.payment.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account of the double-entry ledger, named by a stable string that is stored with every leg.
 *
 * <ul>
 *   <li>{@code provider_clearing} — asset: money the payment provider collected for us and still
 *       holds (debited on capture, credited on refund).
 *   <li>{@code host_payable:<hostId>} — liability: what we owe a host for their seats (credited on
 *       capture with the price minus the platform fee, debited on refund, on a host penalty and,
 *       later, on payout). A penalty larger than what is owed leaves a positive balance: the host
 *       owes couchannel, and the next payouts settle it.
 *   <li>{@code platform_revenue} — revenue: couchannel's fee and host penalties (credited on capture
 *       and penalty, debited on refund).
 *   <li>{@code repaid_outside_provider} — money couchannel gave back to guests itself (a bank transfer an
 *       operator recorded) for refunds the provider refused: credited on such a repayment. Its balance
 *       offsets the part of {@code provider_clearing} that the provider never gave back.
 * </ul>
 *
 * <p>Balances are debit minus credit, so a liability or revenue account normally has a negative
 * balance, and all balances of a currency add up to zero.
 */
public record Account(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z_]+(:[^\\s]+)?");

    public static final Account PROVIDER_CLEARING = new Account("provider_clearing");
    public static final Account PLATFORM_REVENUE = new Account("platform_revenue");
    public static final Account REPAID_OUTSIDE_PROVIDER = new Account("repaid_outside_provider");

    public Account {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an account name: " + name);
        }
    }

    public static Account hostPayable(String hostId) {
        if (hostId.isBlank()) {
            throw new IllegalArgumentException("a host payable account needs a host id");
        }
        return new Account("host_payable:" + hostId);
    }

    public boolean isHostPayable() {
        return name.startsWith("host_payable:");
    }

    @Override
    public String toString() {
        return name;
    }
}
