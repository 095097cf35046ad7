-- The read model, built only from other services' events (ADR 19). It lives in schema `facts`
-- because a rebuild fills a fresh copy (`facts_next`, created LIKE these tables) from the log and
-- swaps the schemas in one transaction. No sequences here: a copy must not share one.
CREATE SCHEMA facts;

-- From inventory: where and when a session is, and how many seats it has.
CREATE TABLE facts.sessions (
    session_id   UUID        PRIMARY KEY,
    venue_id     UUID,
    host_id      TEXT,
    kickoff      TIMESTAMPTZ,
    capacity     INT,
    cancelled    BOOLEAN     NOT NULL DEFAULT false,
    cancelled_at TIMESTAMPTZ
);
CREATE INDEX sessions_host_kickoff ON facts.sessions (host_id, kickoff);
CREATE INDEX sessions_kickoff ON facts.sessions (kickoff);

-- From booking: one row per booking, with the moments it was confirmed, rejected or cancelled.
CREATE TABLE facts.bookings (
    booking_id      UUID          PRIMARY KEY,
    session_id      UUID          NOT NULL,
    guest_id        TEXT          NOT NULL,
    seats           INT           NOT NULL DEFAULT 0,
    status          TEXT          NOT NULL CHECK (status IN ('CONFIRMED', 'REJECTED', 'CANCELLED')),
    confirmed_at    TIMESTAMPTZ,
    total_amount    NUMERIC(14, 2),
    total_currency  TEXT,
    rejected_at     TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    cancelled_by    TEXT,
    refund_amount   NUMERIC(14, 2),
    refund_currency TEXT
);
CREATE INDEX bookings_session ON facts.bookings (session_id);
CREATE INDEX bookings_confirmed_at ON facts.bookings (confirmed_at);
CREATE INDEX bookings_cancelled_at ON facts.bookings (cancelled_at);

-- From hosting: each venue's host and streaming packages, as of its highest version seen.
CREATE TABLE facts.venues (
    venue_id UUID   PRIMARY KEY,
    host_id  TEXT   NOT NULL,
    version  BIGINT NOT NULL
);
CREATE TABLE facts.venue_packages (
    venue_id UUID NOT NULL,
    provider TEXT NOT NULL,
    licence  TEXT NOT NULL,
    PRIMARY KEY (venue_id, provider, licence)
);

-- This service's own records (not rebuilt): one NPS survey per booking of an ended session. Only
-- the token's SHA-256 is kept; the token itself travels in the survey mail.
CREATE TABLE surveys (
    survey_id   UUID        PRIMARY KEY,
    booking_id  UUID        NOT NULL UNIQUE,
    session_id  UUID        NOT NULL,
    guest_id    TEXT        NOT NULL,
    venue_id    UUID,
    host_id     TEXT,
    kickoff     TIMESTAMPTZ NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    score       INT         CHECK (score BETWEEN 0 AND 10),
    answered_at TIMESTAMPTZ,
    CHECK ((score IS NULL) = (answered_at IS NULL))
);
CREATE INDEX surveys_answered ON surveys (answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX surveys_host_answered ON surveys (host_id, answered_at) WHERE answered_at IS NOT NULL;
