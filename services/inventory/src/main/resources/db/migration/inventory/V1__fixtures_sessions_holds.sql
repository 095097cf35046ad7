CREATE TABLE fixtures (
    id          UUID PRIMARY KEY,
    competition TEXT        NOT NULL,
    home_team   TEXT        NOT NULL,
    away_team   TEXT        NOT NULL,
    kickoff     TIMESTAMPTZ NOT NULL,
    territory   CHAR(2)     NOT NULL CHECK (territory ~ '^[A-Z]{2}$'),
    broadcaster TEXT
);
CREATE INDEX fixtures_kickoff ON fixtures (kickoff);

-- The seat invariant lives in the database: sold + held + free = capacity, none negative.
CREATE TABLE viewing_sessions (
    id             UUID PRIMARY KEY,
    fixture_id     UUID          NOT NULL REFERENCES fixtures (id),
    venue_id       UUID          NOT NULL,
    host_id        TEXT          NOT NULL,
    status         TEXT          NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    capacity       INT           NOT NULL CHECK (capacity > 0),
    seats_free     INT           NOT NULL CHECK (seats_free >= 0),
    seats_held     INT           NOT NULL CHECK (seats_held >= 0),
    seats_sold     INT           NOT NULL CHECK (seats_sold >= 0),
    price_amount   NUMERIC(10, 2) NOT NULL CHECK (price_amount >= 0),
    price_currency CHAR(3)       NOT NULL,
    refund_policy  TEXT          NOT NULL CHECK (refund_policy IN ('FLEXIBLE', 'MODERATE', 'STRICT')),
    description    TEXT          NOT NULL DEFAULT '',
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT seats_add_up CHECK (seats_free + seats_held + seats_sold = capacity)
);
CREATE INDEX viewing_sessions_fixture ON viewing_sessions (fixture_id);
CREATE INDEX viewing_sessions_venue ON viewing_sessions (venue_id);

CREATE TABLE seat_holds (
    booking_id  UUID PRIMARY KEY,
    session_id  UUID        NOT NULL REFERENCES viewing_sessions (id),
    seats       INT         NOT NULL CHECK (seats > 0),
    status      TEXT        NOT NULL CHECK (status IN ('HELD', 'SOLD', 'RELEASED', 'EXPIRED', 'REFUSED')),
    reason      TEXT,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX seat_holds_expiring ON seat_holds (expires_at) WHERE status = 'HELD';
