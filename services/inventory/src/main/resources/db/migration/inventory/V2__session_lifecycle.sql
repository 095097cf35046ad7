-- Session lifecycle: who cancelled a session and why (the cause decides the host's penalty
-- downstream), postponed fixtures (their sessions are cancelled, no new one may be planned).
CREATE TABLE session_cancellations (
    session_id   UUID PRIMARY KEY REFERENCES viewing_sessions (id),
    cause        TEXT        NOT NULL CHECK (cause IN ('CANCELLED_BY_HOST', 'CANCELLED_BY_ADMIN', 'FIXTURE_POSTPONED')),
    reason       TEXT        NOT NULL DEFAULT '',
    cancelled_by TEXT        NOT NULL,
    cancelled_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE fixture_postponements (
    fixture_id   UUID PRIMARY KEY REFERENCES fixtures (id),
    reason       TEXT        NOT NULL DEFAULT '',
    postponed_by TEXT        NOT NULL,
    postponed_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX viewing_sessions_host ON viewing_sessions (host_id);
CREATE INDEX seat_holds_session_held ON seat_holds (session_id) WHERE status = 'HELD';
