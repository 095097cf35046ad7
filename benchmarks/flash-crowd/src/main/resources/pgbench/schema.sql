-- The bare booking transaction's tables, in a database of their own on the stack's PostgreSQL:
-- the session row (as inventory keeps it: the seat counts and their invariant), the booking (as
-- booking keeps it) and the outbox (platform/messaging's table, unchanged).
DROP TABLE IF EXISTS flash_sessions, flash_bookings, outbox;
CREATE TABLE flash_sessions (
    id         UUID PRIMARY KEY,
    capacity   INT    NOT NULL,
    seats_free INT    NOT NULL CHECK (seats_free >= 0),
    seats_held INT    NOT NULL CHECK (seats_held >= 0),
    seats_sold INT    NOT NULL CHECK (seats_sold >= 0),
    version    BIGINT NOT NULL DEFAULT 0,
    CHECK (seats_free + seats_held + seats_sold = capacity)
);
CREATE TABLE flash_bookings (
    id         UUID PRIMARY KEY,
    guest_id   TEXT        NOT NULL,
    session_id UUID        NOT NULL,
    seats      INT         NOT NULL CHECK (seats BETWEEN 1 AND 20),
    status     TEXT        NOT NULL,
    reason     TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX flash_bookings_guest ON flash_bookings (guest_id, created_at DESC);
CREATE INDEX flash_bookings_session ON flash_bookings (session_id);
CREATE TABLE outbox (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT,
    time         TIMESTAMPTZ NOT NULL,
    traceparent  TEXT,
    content_type TEXT        NOT NULL,
    payload      BYTEA       NOT NULL
);
-- one hot row with more seats than any run can take
INSERT INTO flash_sessions (id, capacity, seats_free, seats_held, seats_sold)
VALUES ('f1a5c0de-0000-4000-8000-000000000001', 100000000, 100000000, 0, 0);
