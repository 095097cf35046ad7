-- What a cancelled booking gave back (in the booking's currency).
ALTER TABLE bookings ADD COLUMN refund_amount NUMERIC(12, 2);
