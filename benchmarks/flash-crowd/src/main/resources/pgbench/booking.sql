-- The bare booking transaction on one hot session row: conditional seat decrement, booking
-- insert, outbox insert (a HoldSeats-sized payload). Run with -M prepared -D session=<uuid>.
\set guest random(1, 1000000000)
BEGIN;
UPDATE flash_sessions SET seats_free = seats_free - 1, seats_held = seats_held + 1, version = version + 1
    WHERE id = CAST(:session AS UUID) AND seats_free >= 1;
INSERT INTO flash_bookings (id, guest_id, session_id, seats, status, created_at, updated_at)
    VALUES (gen_random_uuid(), 'fan' || CAST(:guest AS TEXT) || '@example.com', CAST(:session AS UUID), 1,
            'PENDING', now(), now());
INSERT INTO outbox (id, topic, message_key, type, source, subject, time, content_type, payload)
    VALUES (gen_random_uuid(), 'couchannel.inventory.commands', CAST(:session AS TEXT),
            'couchannel.inventory.v1.HoldSeats', 'booking', CAST(:session AS TEXT), now(), 'application/protobuf',
            decode(repeat('0a2466316135', 24), 'hex'));
END;
