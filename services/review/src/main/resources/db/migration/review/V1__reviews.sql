-- The source of truth: every review's events, appended and never changed (ADR 16). One stream per
-- review; the unique (stream_id, version) is the optimistic lock: two writers that loaded the same
-- version cannot both append the next one. position orders all events for a rebuild.
CREATE TABLE review_events (
    position    BIGSERIAL   PRIMARY KEY,
    stream_id   UUID        NOT NULL,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    type        TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (stream_id, version)
);

-- Append only: the store refuses to change or delete what happened.
CREATE FUNCTION review_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'review_events is append-only';
END;
$$;
CREATE TRIGGER review_events_append_only
    BEFORE UPDATE OR DELETE ON review_events
    FOR EACH ROW EXECUTE FUNCTION review_events_append_only();

-- Projection: one row per review, as the lists show it. Rebuilt from review_events at will.
CREATE TABLE review_list (
    review_id  UUID        PRIMARY KEY,
    venue_id   UUID        NOT NULL,
    session_id UUID        NOT NULL,
    booking_id UUID        NOT NULL,
    guest_id   TEXT        NOT NULL,
    host_id    TEXT        NOT NULL,
    rating     INT         NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text       TEXT        NOT NULL,
    posted_at  TIMESTAMPTZ NOT NULL,
    reply      TEXT,
    replied_at TIMESTAMPTZ,
    reports    INT         NOT NULL DEFAULT 0,
    hidden     BOOLEAN     NOT NULL DEFAULT false,
    version    BIGINT      NOT NULL
);
CREATE INDEX review_list_venue ON review_list (venue_id, posted_at DESC, review_id) WHERE NOT hidden;
CREATE INDEX review_list_reported ON review_list (reports DESC, posted_at) WHERE reports > 0;

-- Projection: each venue's rating over its visible reviews; version grows with every change.
CREATE TABLE venue_ratings (
    venue_id   UUID   PRIMARY KEY,
    host_id    TEXT   NOT NULL,
    rating_sum BIGINT NOT NULL CHECK (rating_sum >= 0),
    count      INT    NOT NULL CHECK (count >= 0),
    version    BIGINT NOT NULL CHECK (version >= 1)
);

-- Facts from booking's events: who holds which booking, and whether it still stands.
CREATE TABLE bookings (
    booking_id UUID PRIMARY KEY,
    session_id UUID NOT NULL,
    guest_id   TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED'))
);

-- Facts from inventory's events: where and when a session takes place. A SessionCancelled may be
-- the first event seen of a session (one published before this service consumed), so the
-- published facts may still be missing.
CREATE TABLE sessions (
    session_id UUID        PRIMARY KEY,
    venue_id   UUID,
    host_id    TEXT,
    kickoff    TIMESTAMPTZ,
    cancelled  BOOLEAN     NOT NULL DEFAULT false
);
