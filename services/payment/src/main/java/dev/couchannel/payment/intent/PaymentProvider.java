package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;

/**
 * A payment provider (port): the sandbox by default, a card network's gateway in production.
 *
 * <p>Every call carries an idempotency key. An adapter must make a repeated call with the same key
 * answer like the first and never move money twice, even across restarts of the service; the
 * payment service relies on that to call again after a crash or a transient error. Calls may be
 * slow: the service never holds a database transaction open while it waits for one.
 */
public interface PaymentProvider {

    /** Reserves {@code amount} on the guest's payment method (a provider token such as {@code pm_card_visa}). */
    ProviderResult authorize(String idempotencyKey, Money amount, String paymentMethod);

    /** Takes {@code amount} (at most the authorized amount) of the authorization {@code providerRef}. */
    ProviderResult capture(String idempotencyKey, String providerRef, Money amount);

    /** Releases the authorization {@code providerRef}, which will not be captured. */
    ProviderResult voidAuthorization(String idempotencyKey, String providerRef);

    /** Gives {@code amount} of the captured charge {@code providerRef} back to the guest. */
    ProviderResult refund(String idempotencyKey, String providerRef, Money amount);

    /**
     * Sends {@code amount} out of the money the provider holds for us to a host's payout account
     * {@code destination} (a connected account id such as {@code acct_...}). Approved carries the
     * provider's id of the transfer; a refused destination is a decline.
     */
    ProviderResult payout(String idempotencyKey, String destination, Money amount);
}
