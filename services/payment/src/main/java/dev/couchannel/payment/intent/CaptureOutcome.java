package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Split;

/** What a capture did. */
public sealed interface CaptureOutcome {

    /**
     * The money is taken.
     *
     * @param justNow false when an earlier capture took it (nothing to post again)
     */
    record Captured(Split split, boolean justNow) implements CaptureOutcome {}

    /** Nothing was taken; {@code reason} is for the guest. */
    record NotCaptured(String reason) implements CaptureOutcome {}
}
