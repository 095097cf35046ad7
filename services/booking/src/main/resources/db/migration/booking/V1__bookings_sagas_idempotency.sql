CREATE TABLE bookings (
    id         UUID PRIMARY KEY,
    guest_id   TEXT        NOT NULL,
    session_id UUID        NOT NULL,
    seats      INT         NOT NULL CHECK (seats BETWEEN 1 AND 20),
    status     TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    reason     TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX bookings_guest ON bookings (guest_id, created_at DESC);
CREATE INDEX bookings_session ON bookings (session_id);

-- A guest's Idempotency-Key maps to the booking it created and a hash of the request body.
-- Kept at least 24 h (a purge job may delete older rows; bookings themselves are never purged).
CREATE TABLE idempotency_keys (
    guest_id     TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    booking_id   UUID        NOT NULL REFERENCES bookings (id) DEFERRABLE INITIALLY DEFERRED,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guest_id, key)
);

-- The booking saga's persisted state: which step it is in and until when that step may take.
CREATE TABLE booking_sagas (
    booking_id      UUID PRIMARY KEY REFERENCES bookings (id),
    session_id      UUID        NOT NULL,
    seats           INT         NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('RUNNING', 'COMPENSATING', 'COMPLETED', 'FAILED')),
    step            TEXT        NOT NULL,
    step_started_at TIMESTAMPTZ NOT NULL,
    deadline        TIMESTAMPTZ,
    attempts        INT         NOT NULL DEFAULT 0,
    failure         TEXT,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX booking_sagas_deadline ON booking_sagas (deadline) WHERE state IN ('RUNNING', 'COMPENSATING');
