package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;

/** What charging the host a cancellation penalty did. */
public sealed interface PenaltyOutcome {

    /**
     * The host owes {@code penalty} to the platform.
     *
     * @param justNow false when an earlier request charged it (nothing to post again)
     */
    record Charged(Money penalty, boolean justNow) implements PenaltyOutcome {}

    /** No penalty is charged; {@code why} says why (for logs and operators). */
    record NoPenalty(String why) implements PenaltyOutcome {}
}
