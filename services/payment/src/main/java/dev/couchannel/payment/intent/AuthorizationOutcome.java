package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import java.util.UUID;

/** What became of a payment's authorization; the answer to every (repeated) AuthorizePayment. */
public sealed interface AuthorizationOutcome {

    record Authorized(UUID paymentId, Money amount) implements AuthorizationOutcome {}

    /** {@code reason} is for the guest, {@code code} for machines (card_declined, processing_error, ...). */
    record Declined(String code, String reason) implements AuthorizationOutcome {}

    /** The provider's answer is not recorded yet. */
    record Pending() implements AuthorizationOutcome {}
}
