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
}
