-- The payment step of the booking saga: what to charge, with what, and to whose benefit.
-- bookings made before this step had none
ALTER TABLE bookings ADD COLUMN payment_method TEXT NOT NULL DEFAULT '';
ALTER TABLE bookings ADD COLUMN total_amount NUMERIC(12, 2);
ALTER TABLE bookings ADD COLUMN total_currency CHAR(3);

ALTER TABLE booking_sagas ADD COLUMN guest_id TEXT NOT NULL DEFAULT '';
ALTER TABLE booking_sagas ADD COLUMN payment_method TEXT NOT NULL DEFAULT '';
ALTER TABLE booking_sagas ADD COLUMN host_id TEXT;
ALTER TABLE booking_sagas ADD COLUMN amount NUMERIC(12, 2);
ALTER TABLE booking_sagas ADD COLUMN currency CHAR(3);
-- Compensations sent and not yet confirmed by their participant, e.g. {RELEASE_SEATS,VOID_PAYMENT}.
ALTER TABLE booking_sagas ADD COLUMN pending_compensations TEXT[] NOT NULL DEFAULT '{}';
