-- Refunds the provider refused for good (ADR 10, addendum): nothing was given back, so no journal
-- entry; the same request (booking + refund key) is answered with the recorded failure from then on.
CREATE TABLE payment_refund_failures (
    booking_id      UUID           NOT NULL REFERENCES payment_intents (booking_id),
    refund_key      TEXT           NOT NULL,
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    reason          TEXT           NOT NULL,
    code            TEXT           NOT NULL,
    provider_reason TEXT           NOT NULL,
    failed_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (booking_id, refund_key)
);
CREATE INDEX payment_refund_failures_failed_at ON payment_refund_failures (failed_at DESC);
