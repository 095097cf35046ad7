package dev.couchannel.booking.checkout;

import dev.couchannel.booking.reservation.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Participants' replies to the saga's commands, in domain words. */
public sealed interface SagaReply {

    /** {@code pricePerSeat} is null when inventory did not say what the seats cost. */
    record SeatsHeld(Instant expiresAt, @Nullable Money pricePerSeat, String hostId) implements SagaReply {}

    record SeatsUnavailable(String reason) implements SagaReply {}

    record SeatsConfirmed() implements SagaReply {}

    record SeatsConfirmationFailed(String reason) implements SagaReply {}

    record SeatsReleased() implements SagaReply {}

    record PaymentAuthorized() implements SagaReply {}

    record PaymentDeclined(String reason) implements SagaReply {}

    record PaymentCaptured() implements SagaReply {}

    record PaymentCaptureFailed(String reason) implements SagaReply {}

    record PaymentVoided() implements SagaReply {}
}
