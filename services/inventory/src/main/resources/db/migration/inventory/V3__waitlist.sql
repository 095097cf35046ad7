-- Waitlist: guests in line for a session's seats, first come first served (line_number), and the
-- offers made to them. An OPEN offer's seats count as held in viewing_sessions.seats_held, so
-- sold + held + free = capacity stays true while a guest decides.
CREATE TABLE waitlist_entries (
    id          UUID PRIMARY KEY,
    session_id  UUID        NOT NULL REFERENCES viewing_sessions (id),
    guest_id    TEXT        NOT NULL,
    seats       INT         NOT NULL CHECK (seats > 0),
    status      TEXT        NOT NULL CHECK (status IN ('WAITING', 'OFFERED', 'BOOKED', 'LEFT', 'EXPIRED', 'CLOSED')),
    line_number BIGINT      GENERATED ALWAYS AS IDENTITY,
    joined_at   TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
-- one place in line per guest and session
CREATE UNIQUE INDEX waitlist_entries_one_active ON waitlist_entries (session_id, guest_id)
    WHERE status IN ('WAITING', 'OFFERED');
CREATE INDEX waitlist_entries_line ON waitlist_entries (session_id, line_number) WHERE status = 'WAITING';

CREATE TABLE waitlist_offers (
    id          UUID PRIMARY KEY,
    entry_id    UUID        NOT NULL REFERENCES waitlist_entries (id),
    session_id  UUID        NOT NULL REFERENCES viewing_sessions (id),
    guest_id    TEXT        NOT NULL,
    seats       INT         NOT NULL CHECK (seats > 0),
    status      TEXT        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'EXPIRED', 'WITHDRAWN')),
    booking_id  UUID,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX waitlist_offers_one_open ON waitlist_offers (entry_id) WHERE status = 'OPEN';
CREATE INDEX waitlist_offers_due ON waitlist_offers (expires_at) WHERE status = 'OPEN';
CREATE INDEX waitlist_offers_session ON waitlist_offers (session_id) WHERE status = 'OPEN';
