-- A refund the payment provider refused for good (ADR 10, addendum): the booking says so
-- (refundStatus FAILED) and its cancellation saga stops asking and ends as REFUND_FAILED.
ALTER TABLE bookings ADD COLUMN refund_failed_at TIMESTAMPTZ;
ALTER TABLE bookings ADD CONSTRAINT refund_settled_or_failed
    CHECK (refund_settled_at IS NULL OR refund_failed_at IS NULL);

ALTER TABLE booking_cancellations ADD COLUMN refund_failure_code TEXT;
ALTER TABLE booking_cancellations ADD COLUMN refund_failure_reason TEXT;
ALTER TABLE booking_cancellations DROP CONSTRAINT booking_cancellations_state_check;
ALTER TABLE booking_cancellations ADD CONSTRAINT booking_cancellations_state_check
    CHECK (state IN ('RUNNING', 'COMPLETED', 'REFUND_FAILED'));
ALTER TABLE booking_cancellations ADD CONSTRAINT refund_failure_has_code_and_reason
    CHECK ((refund_failure_code IS NULL) = (refund_failure_reason IS NULL));
ALTER TABLE booking_cancellations ADD CONSTRAINT refund_failed_only_with_a_failure
    CHECK (state <> 'REFUND_FAILED' OR refund_failure_code IS NOT NULL);
