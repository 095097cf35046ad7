-- A price for N seats of a session, valid until expires_at unless a booking locked it.
CREATE TABLE quotes (
    id            UUID PRIMARY KEY,
    session_id    UUID           NOT NULL,
    seats         INT            NOT NULL CHECK (seats > 0),
    guest_id      TEXT           NOT NULL,
    currency      CHAR(3)        NOT NULL,
    subtotal      NUMERIC(12, 2) NOT NULL CHECK (subtotal >= 0),
    service_fee   NUMERIC(12, 2) NOT NULL CHECK (service_fee >= 0),
    vat           NUMERIC(12, 2) NOT NULL CHECK (vat >= 0),
    total         NUMERIC(12, 2) NOT NULL,
    vat_country   CHAR(2)        NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL,
    expires_at    TIMESTAMPTZ    NOT NULL,
    -- the booking holding this price; one booking locks at most one quote and vice versa
    locked_by     UUID UNIQUE,
    CONSTRAINT total_adds_up CHECK (total = subtotal + service_fee + vat)
);

-- The answer pricing gave each booking's ConfirmQuote (and its ReleaseQuote): a repeated
-- command finds it and answers the same.
CREATE TABLE price_locks (
    booking_id UUID PRIMARY KEY,
    quote_id   UUID REFERENCES quotes (id),
    status     TEXT           NOT NULL CHECK (status IN ('LOCKED', 'REFUSED', 'RELEASED')),
    reason     TEXT,
    total      NUMERIC(12, 2),
    currency   CHAR(3),
    updated_at TIMESTAMPTZ    NOT NULL
);
