package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a provider's webhook reports about one of our payments, in our words. Every event has the
 * provider's id, by which it is handled once however often it is delivered.
 */
public sealed interface ProviderEvent {

    /** The provider's id of the event ({@code evt_...}). */
    String id();

    /** The provider's name of the event type ({@code payment_intent.succeeded}). */
    String type();

    /** The provider took the authorized money ({@code payment_intent.succeeded}). */
    record Captured(String id, String type, String providerRef) implements ProviderEvent {}

    /** The provider released the authorization ({@code payment_intent.canceled}). */
    record Released(String id, String type, String providerRef) implements ProviderEvent {}

    /** The provider refused the payment ({@code payment_intent.payment_failed}). */
    record Failed(String id, String type, String providerRef, String code, String guestReason)
            implements ProviderEvent {}

    /**
     * The provider gave money back ({@code charge.refunded}).
     *
     * @param refundedInTotal everything the provider has refunded of this payment so far
     */
    record Refunded(String id, String type, String providerRef, Money refundedInTotal) implements ProviderEvent {}

    /**
     * The provider failed a refund it had accepted ({@code charge.refund.updated}, {@code refund.updated} or
     * {@code refund.failed} with {@code status: failed} or {@code canceled}): the money did not leave.
     *
     * @param providerRef the provider's id of the payment the refund was of
     * @param idempotencyKey our key of the refund ({@code <booking>:refund:<key>}, from the refund's
     *     {@code couchannel_key} metadata); null for a refund made outside couchannel (the dashboard)
     * @param refundRef the provider's id of the refund ({@code re_...})
     * @param code the provider's failure reason ({@code expired_or_canceled_card}, ...)
     * @param reason the failure in words a person can read
     */
    record RefundFailed(
            String id,
            String type,
            String providerRef,
            @Nullable String idempotencyKey,
            String refundRef,
            String code,
            String reason)
            implements ProviderEvent {}

    /** An event we do not act on: acknowledged and ignored. */
    record Unhandled(String id, String type) implements ProviderEvent {}
}
