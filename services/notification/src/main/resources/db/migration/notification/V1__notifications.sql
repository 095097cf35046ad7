-- What each user wants: the mail language and which categories of mail they receive.
-- A user without a row gets the defaults (en, everything on).
CREATE TABLE preferences (
    user_id          TEXT        PRIMARY KEY,
    locale           TEXT        NOT NULL CHECK (locale IN ('en', 'pl')),
    email_bookings   BOOLEAN     NOT NULL,
    email_reminders  BOOLEAN     NOT NULL,
    email_waitlist   BOOLEAN     NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- The in-app inbox. dedupe_key makes a repeated event land once.
CREATE TABLE notifications (
    id          UUID        PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    dedupe_key  TEXT        NOT NULL UNIQUE,
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    link        TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC);

-- Every outbound mail, rendered, before it is sent: dedupe_key (event id + template, reminder id)
-- makes it exist once; the delivery worker claims due rows with a lease, sends, marks SENT, or
-- retries with backoff until max attempts, then DEAD.
CREATE TABLE outbound_mail (
    id               UUID        PRIMARY KEY,
    dedupe_key       TEXT        NOT NULL UNIQUE,
    template         TEXT        NOT NULL,
    recipient        TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    text_body        TEXT        NOT NULL,
    html_body        TEXT        NOT NULL,
    ics              TEXT,
    unsubscribe_url  TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    locked_until     TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ
);
CREATE INDEX outbound_mail_due ON outbound_mail (next_attempt_at) WHERE status = 'PENDING';

-- Kickoff reminders, scheduled when a booking is confirmed.
CREATE TABLE reminders (
    id           UUID        PRIMARY KEY,
    booking_id   TEXT        NOT NULL,
    session_id   TEXT        NOT NULL,
    guest_id     TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('H24', 'H2')),
    due_at       TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CANCELLED')),
    locked_until TIMESTAMPTZ,
    sent_at      TIMESTAMPTZ,
    UNIQUE (booking_id, kind)
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE status = 'PENDING';
CREATE INDEX reminders_by_session ON reminders (session_id) WHERE status = 'PENDING';

-- Events whose facts (session, venue) were unavailable: accepted through the inbox, handled later.
CREATE TABLE deferred_events (
    event_id        TEXT        PRIMARY KEY,
    type            TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    time            TIMESTAMPTZ NOT NULL,
    payload         BYTEA       NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    last_error      TEXT
);
