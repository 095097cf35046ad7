package dev.couchannel.payment.intent;

/** A payment provider's answer to one call. */
public sealed interface ProviderResult {

    /**
     * The provider did it.
     *
     * @param providerRef the provider's id of the charge (or refund)
     */
    record Approved(String providerRef) implements ProviderResult {}

    /**
     * The provider refused; asking again will not change that.
     *
     * @param code the provider's reason code, e.g. {@code card_declined}
     * @param guestReason a sentence the guest can read, e.g. "Your card was declined."
     */
    record Declined(String code, String guestReason) implements ProviderResult {}

    /**
     * The provider could not answer (timeout, HTTP 5xx, network). Nothing is known to have happened;
     * the same call with the same idempotency key may be retried.
     */
    record ProviderError(String detail) implements ProviderResult {}
}
