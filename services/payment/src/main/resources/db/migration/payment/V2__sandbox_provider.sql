-- The sandbox payment provider's own books (see SandboxPaymentProvider). They live in the payment
-- database so that the sandbox stays idempotent across restarts, as a real provider would be.
CREATE TABLE sandbox_charges (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT           NOT NULL UNIQUE,
    payment_method  TEXT           NOT NULL,
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL,
    status          TEXT           NOT NULL CHECK (status IN ('AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED')),
    decline_code    TEXT,
    decline_reason  TEXT,
    amount_captured NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (amount_captured >= 0 AND amount_captured <= amount),
    amount_refunded NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0 AND amount_refunded <= amount_captured),
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL
);

CREATE TABLE sandbox_refunds (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT           NOT NULL UNIQUE,
    charge_id       TEXT           NOT NULL REFERENCES sandbox_charges (id),
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    created_at      TIMESTAMPTZ    NOT NULL
);
