-- A confirmed booking whose guest did not come, as its session's host recorded it (ADR 20): one row
-- per booking at most, so marking twice changes nothing and publishes nothing.
CREATE TABLE no_shows (
    booking_id UUID PRIMARY KEY REFERENCES bookings (id),
    session_id UUID        NOT NULL,
    guest_id   TEXT        NOT NULL,
    host_id    TEXT        NOT NULL,
    seats      INT         NOT NULL CHECK (seats > 0),
    marked_at  TIMESTAMPTZ NOT NULL
);
