package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;

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

    /** An event we do not act on: acknowledged and ignored. */
    record Unhandled(String id, String type) implements ProviderEvent {}
}
