-- The cancellation saga: who cancelled, what the host pays for it, and when the refund was settled.
ALTER TABLE bookings ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('GUEST', 'ADMIN', 'HOST', 'FIXTURE_POSTPONED'));
ALTER TABLE bookings ADD COLUMN host_penalty_amount NUMERIC(12, 2) CHECK (host_penalty_amount >= 0);
ALTER TABLE bookings ADD COLUMN refund_settled_at TIMESTAMPTZ;
-- bookings cancelled before this migration were all cancelled by their guests, without penalty
UPDATE bookings SET cancelled_by = 'GUEST', host_penalty_amount = 0 WHERE status = 'CANCELLED';
ALTER TABLE bookings ADD CONSTRAINT cancelled_bookings_say_by_whom
    CHECK ((status = 'CANCELLED') = (cancelled_by IS NOT NULL));

-- A booking that accepts a waitlist offer takes the offer's held seats.
ALTER TABLE bookings ADD COLUMN waitlist_offer_id UUID;
ALTER TABLE booking_sagas ADD COLUMN waitlist_offer_id UUID;

-- One row per cancelled booking: the commands it still waits on, retried at each deadline until
-- inventory and payment confirm them.
CREATE TABLE booking_cancellations (
    booking_id          UUID PRIMARY KEY REFERENCES bookings (id),
    session_id          UUID           NOT NULL,
    refund_amount       NUMERIC(12, 2) NOT NULL CHECK (refund_amount >= 0),
    host_penalty_amount NUMERIC(12, 2) NOT NULL CHECK (host_penalty_amount >= 0),
    currency            CHAR(3)        NOT NULL,
    reason              TEXT           NOT NULL,
    state               TEXT           NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED')),
    pending             TEXT[]         NOT NULL,
    deadline            TIMESTAMPTZ,
    attempts            INT            NOT NULL,
    started_at          TIMESTAMPTZ    NOT NULL,
    completed_at        TIMESTAMPTZ,
    version             BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT running_until_nothing_is_pending CHECK ((state = 'RUNNING') = (cardinality(pending) > 0))
);
CREATE INDEX booking_cancellations_deadline ON booking_cancellations (deadline) WHERE state = 'RUNNING';

-- Sessions inventory cancelled: a booking of one that confirms later is cancelled at once.
CREATE TABLE cancelled_sessions (
    session_id   UUID PRIMARY KEY,
    cancelled_by TEXT        NOT NULL CHECK (cancelled_by IN ('HOST', 'ADMIN', 'FIXTURE_POSTPONED')),
    reason       TEXT        NOT NULL,
    cancelled_at TIMESTAMPTZ NOT NULL
);

-- The purge of idempotency keys scans by age.
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
