package dev.couchannel.payment.intent;

import java.util.List;
import java.util.UUID;

/** The refunds providers refused for good, for an operator to follow up (port, read only). */
public interface FailedRefunds {

    /**
     * The most recent failures first, at most {@code limit}: the open ones, or those an operator resolved.
     */
    List<FailedRefund> newest(boolean resolved, int limit);

    /** Every refused refund of a booking, open or resolved, oldest first. */
    List<FailedRefund> ofBooking(UUID bookingId);

    /** A refused refund with the payment it was for. */
    record FailedRefund(UUID bookingId, UUID paymentId, String guestId, String hostId, RefundFailure failure) {}
}
