-- The quote a booking locks (null: priced when the seats are held).
ALTER TABLE bookings ADD COLUMN quote_id UUID;
ALTER TABLE booking_sagas ADD COLUMN quote_id UUID;
