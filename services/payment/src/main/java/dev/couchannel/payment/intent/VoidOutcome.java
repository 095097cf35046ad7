package dev.couchannel.payment.intent;

/**
 * What voiding a payment did. Voiding is the saga's compensation of an authorization, so it always
 * leaves the guest with nothing charged.
 */
public sealed interface VoidOutcome {

    /** The authorization is released; nothing had been taken. */
    record AuthorizationReleased() implements VoidOutcome {}

    /** The payment had been captured: what was left of it is refunded. */
    record RefundedInFull(Refund refund) implements VoidOutcome {}

    /** Nothing was reserved or taken (declined, voided or refunded before). */
    record NothingToVoid() implements VoidOutcome {}
}
