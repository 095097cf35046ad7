package dev.couchannel.payment.intent;

/**
 * What voiding a payment did. Voiding is the saga's compensation of an authorization: it leaves the
 * guest with nothing charged, unless the provider refuses for good to give captured money back.
 */
public sealed interface VoidOutcome {

    /** The authorization is released; nothing had been taken. */
    record AuthorizationReleased() implements VoidOutcome {}

    /** The payment had been captured: what was left of it is refunded. */
    record RefundedInFull(Refund refund) implements VoidOutcome {}

    /**
     * The payment had been captured and the provider refused for good to refund it: nothing was given
     * back, the failure is recorded (like a refused refund) and the compensation is over anyway.
     *
     * @param justNow false when an earlier void was refused (nothing to record again)
     */
    record RefundRefused(RefundFailure failure, boolean justNow) implements VoidOutcome {}

    /** Nothing was reserved or taken (declined, voided or refunded before). */
    record NothingToVoid() implements VoidOutcome {}
}
