package dev.couchannel.payment.intent;

/** What a refund request did. */
public sealed interface RefundOutcome {

    /**
     * Money is given back.
     *
     * @param justNow false when an earlier, equal request gave it back (nothing to post again)
     */
    record Refunded(Refund refund, boolean justNow) implements RefundOutcome {}

    /** Nothing is given back; {@code why} says why (for logs and operators). */
    record NothingToRefund(String why) implements RefundOutcome {}

    /**
     * The provider refused this refund for good: nothing is given back, and the same request is
     * answered so from now on.
     *
     * @param justNow false when an earlier, equal request was refused (nothing to record again)
     */
    record Refused(RefundFailure failure, boolean justNow) implements RefundOutcome {}
}
