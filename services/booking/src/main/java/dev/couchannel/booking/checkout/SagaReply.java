package dev.couchannel.booking.checkout;

import dev.couchannel.booking.reservation.Money;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Participants' replies to the saga's commands, in domain words. */
public sealed interface SagaReply {

    /** Which saga a reply is for. */
    enum Route {
        /** An operator gave a refused refund back by hand: the booking says so, whichever saga refused it. */
        SETTLE_FAILED_REFUND,
        CANCELLATION,
        BOOKING
    }

    /**
     * Routes {@code reply}: a refund to the cancellation saga, as is a failed refund of a booking
     * that has one (a failed refund of a booking that was never cancelled is its void's, the booking
     * saga's compensation) and a release while the booking's cancellation runs; everything else to
     * the booking saga. The questions are asked only for the replies they decide, so that the
     * booking saga's hot path asks none.
     *
     * @param cancelled whether the booking has a cancellation saga
     * @param cancelling whether that cancellation is still running
     */
    static Route route(SagaReply reply, BooleanSupplier cancelled, BooleanSupplier cancelling) {
        return switch (reply) {
            case PaymentRefundResolved resolved -> Route.SETTLE_FAILED_REFUND;
            case PaymentRefunded refunded -> Route.CANCELLATION;
            case PaymentRefundFailed failed -> cancelled.getAsBoolean() ? Route.CANCELLATION : Route.BOOKING;
            case SeatsReleased released -> cancelling.getAsBoolean() ? Route.CANCELLATION : Route.BOOKING;
            default -> Route.BOOKING;
        };
    }

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
