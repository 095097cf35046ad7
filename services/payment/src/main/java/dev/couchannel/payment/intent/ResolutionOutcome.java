package dev.couchannel.payment.intent;

import java.util.List;

/** What recording an operator's repayment of refused refunds did. */
public sealed interface ResolutionOutcome {

    /**
     * The refused refunds are resolved.
     *
     * @param repayments the refunds given back outside the provider, to post (empty when repeated)
     * @param justNow false when the same reference resolved them before (nothing to record again)
     */
    record Resolved(List<RefundFailure> failures, List<Refund> repayments, boolean justNow)
            implements ResolutionOutcome {}

    /** No refund of this payment failed. */
    record NothingFailed() implements ResolutionOutcome {}

    /** Every refused refund was resolved before, with another reference. */
    record ResolvedBefore(RefundFailure failure) implements ResolutionOutcome {}
}
