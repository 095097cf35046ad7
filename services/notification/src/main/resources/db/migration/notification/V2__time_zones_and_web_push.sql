-- Times in mails in the user's own time zone; which categories reach them by web push.
ALTER TABLE preferences
    ADD COLUMN time_zone      TEXT    NOT NULL DEFAULT 'UTC',
    ADD COLUMN push_bookings  BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN push_reminders BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN push_waitlist  BOOLEAN NOT NULL DEFAULT TRUE;

-- The browsers that asked for web push (RFC 8030), with the keys to encrypt for them (RFC 8291).
-- A push service answering 404 or 410 ends a subscription.
CREATE TABLE push_subscriptions (
    id          UUID        PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    endpoint    TEXT        NOT NULL UNIQUE,
    p256dh      TEXT        NOT NULL,
    auth        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX push_subscriptions_by_user ON push_subscriptions (user_id);

-- Every push message before it is sent, like outbound_mail: dedupe_key (the in-app entry's key and
-- the subscription) makes it exist once; the worker claims due rows with a lease, retries with
-- backoff, then DEAD.
CREATE TABLE outbound_push (
    id               UUID        PRIMARY KEY,
    dedupe_key       TEXT        NOT NULL UNIQUE,
    subscription_id  UUID        NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    locked_until     TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ
);
CREATE INDEX outbound_push_due ON outbound_push (next_attempt_at) WHERE status = 'PENDING';

-- The VAPID key pair (RFC 8292) that signs our requests to push services, made once.
CREATE TABLE vapid_keys (
    id           INT   PRIMARY KEY CHECK (id = 1),
    public_key   TEXT  NOT NULL,
    private_key  TEXT  NOT NULL
);

-- When an event was deferred: after `facts.give-up-after` it goes to the dead-letter topic.
ALTER TABLE deferred_events ADD COLUMN deferred_at TIMESTAMPTZ NOT NULL DEFAULT now();
