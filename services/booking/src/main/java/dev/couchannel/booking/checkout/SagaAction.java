package dev.couchannel.booking.checkout;

import dev.couchannel.booking.reservation.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the saga asks the world to do next: send a participant a command, or decide the booking. */
public sealed interface SagaAction {

    /**
     * Holds seats for the booking until {@code holdUntil}; with a {@code waitlistOfferId}, the seats
     * the offer holds for {@code guestId} become the booking's.
     */
    record HoldSeats(
            UUID bookingId,
            UUID sessionId,
            int seats,
            Instant holdUntil,
            String guestId,
            @Nullable UUID waitlistOfferId)
            implements SagaAction {}

    /** Locks the guest's quote for this booking, or prices the seats now ({@code quoteId} null) and locks that. */
    record ConfirmQuote(
            UUID bookingId,
            UUID sessionId,
            int seats,
            String guestId,
            @Nullable UUID quoteId) implements SagaAction {}

    /** Compensation of ConfirmQuote: unlocks the quote. */
    record ReleaseQuote(UUID bookingId, String reason) implements SagaAction {}

    /** Asks compliance whether the broadcasting rules allow this booking; read-only, nothing to compensate. */
    record CheckBooking(UUID bookingId, UUID sessionId, int seats, String guestId) implements SagaAction {}

    record AuthorizePayment(
            UUID bookingId, String guestId, String hostId, UUID sessionId, Money amount, String paymentMethod)
            implements SagaAction {}

    record ConfirmSeats(UUID bookingId, UUID sessionId) implements SagaAction {}

    record CapturePayment(UUID bookingId) implements SagaAction {}

    /** Compensation of HoldSeats and ConfirmSeats: gives held or sold seats back. */
    record ReleaseSeats(UUID bookingId, UUID sessionId, String reason) implements SagaAction {}

    /** Compensation of AuthorizePayment and CapturePayment: releases the authorization, or refunds a capture. */
    record VoidPayment(UUID bookingId, String reason) implements SagaAction {}

    /** Gives captured money back and charges the host's penalty: the cancellation of a confirmed booking. */
    record RefundPayment(UUID bookingId, Money amount, Money hostPenalty, String reason) implements SagaAction {}

    /** The cancellation saga is done: the booking's refund is settled. */
    record SettleRefund(UUID bookingId) implements SagaAction {}

    /**
     * The payment provider refused the booking's refund for good: the booking says so
     * ({@code refundStatus: FAILED}) and an operator follows it up.
     */
    record FailRefund(UUID bookingId, String code, String reason) implements SagaAction {}

    /** An operator gave the money of the refused refund back another way: the booking's refund is settled. */
    record SettleFailedRefund(UUID bookingId, String reference) implements SagaAction {}

    /** The booking learns what it costs once the seats are held. */
    record PriceBooking(UUID bookingId, Money total) implements SagaAction {}

    record ConfirmBooking(UUID bookingId) implements SagaAction {}

    record RejectBooking(UUID bookingId, String reason) implements SagaAction {}
}
