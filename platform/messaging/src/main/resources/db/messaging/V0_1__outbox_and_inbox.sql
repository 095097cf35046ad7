-- Transactional outbox: rows are written in the same transaction as the state change they
-- describe and deleted by the relay once Kafka has acknowledged them.
CREATE TABLE outbox (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT,
    time         TIMESTAMPTZ NOT NULL,
    traceparent  TEXT,
    content_type TEXT        NOT NULL,
    payload      BYTEA       NOT NULL
);

-- Inbox: one row per processed message, inserted in the consumer's own transaction, so a
-- redelivered message is recognised and skipped.
CREATE TABLE inbox (
    consumer     TEXT        NOT NULL,
    message_id   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
