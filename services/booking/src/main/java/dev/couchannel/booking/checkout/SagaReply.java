package dev.couchannel.booking.checkout;

import dev.couchannel.booking.reservation.Money;
import java.time.Instant;

/** Participants' replies to the saga's commands, in domain words. */
public sealed interface SagaReply {

    record SeatsHeld(Instant expiresAt, String hostId) implements SagaReply {}

    record SeatsUnavailable(String reason) implements SagaReply {}

    record SeatsConfirmed() implements SagaReply {}

    record SeatsConfirmationFailed(String reason) implements SagaReply {}

    record SeatsReleased() implements SagaReply {}

    record QuoteConfirmed(Money total) implements SagaReply {}

    record QuoteRejected(String reason) implements SagaReply {}

    record QuoteReleased() implements SagaReply {}

    record BookingAllowed() implements SagaReply {}

    record BookingRefused(String reason) implements SagaReply {}

    record PaymentAuthorized() implements SagaReply {}

    record PaymentDeclined(String reason) implements SagaReply {}

    record PaymentCaptured() implements SagaReply {}

    record PaymentCaptureFailed(String reason) implements SagaReply {}

    record PaymentVoided() implements SagaReply {}

    record PaymentRefunded() implements SagaReply {}

    /** The payment provider refused the refund for good: nothing was given back. */
    record PaymentRefundFailed(String code, String reason) implements SagaReply {}

    /**
     * An operator gave the money of a refused refund back another way ({@code reference}, e.g. a bank
     * transfer's): not a step of either saga, the booking's refund is settled.
     */
    record PaymentRefundResolved(String reference) implements SagaReply {}
}
