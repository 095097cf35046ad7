-- Reputation (ADR 20): the facts identity keeps from review's, inventory's and booking's events.
-- Users are named by e-mail address, lower case, as the events and tokens name them (ADR 12).
-- Each table is keyed by the fact it records, so an event applied twice changes nothing.

-- A venue's rating as review last published it (RatingChanged carries the whole aggregate).
CREATE TABLE reputation_venue_ratings (
    venue_id UUID PRIMARY KEY,
    host_id  TEXT             NOT NULL,
    average  DOUBLE PRECISION NOT NULL CHECK (average >= 0 AND average <= 5),
    count    INT              NOT NULL CHECK (count >= 0),
    version  BIGINT           NOT NULL
);
CREATE INDEX reputation_venue_ratings_host ON reputation_venue_ratings (host_id);

-- Sessions: published (kickoff known) and/or cancelled; a session counts once however many bookings it had.
CREATE TABLE reputation_sessions (
    session_id  UUID PRIMARY KEY,
    host_id     TEXT        NOT NULL,
    kickoff     TIMESTAMPTZ,
    hosts_fault BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX reputation_sessions_host ON reputation_sessions (host_id);

-- Reviews of a host's venues and when the host answered.
CREATE TABLE reputation_reviews (
    review_id  UUID PRIMARY KEY,
    host_id    TEXT NOT NULL,
    posted_at  TIMESTAMPTZ,
    replied_at TIMESTAMPTZ
);
CREATE INDEX reputation_reviews_host ON reputation_reviews (host_id);

-- A guest's bookings: confirmed, cancelled, no-show (events of one booking arrive in order: same key).
CREATE TABLE reputation_bookings (
    booking_id UUID PRIMARY KEY,
    session_id UUID    NOT NULL,
    guest_id   TEXT    NOT NULL,
    confirmed  BOOLEAN NOT NULL DEFAULT FALSE,
    cancelled  BOOLEAN NOT NULL DEFAULT FALSE,
    no_show    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX reputation_bookings_guest ON reputation_bookings (guest_id);
