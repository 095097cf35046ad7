-- Host payouts (ADR 18). Payment learns when each session starts and who hosts it from inventory's
-- events; a host's money for a booking becomes payable once the session has ended (kickoff + 3 h)
-- and the dispute window (72 h) has passed.
CREATE TABLE session_facts (
    session_id   TEXT PRIMARY KEY,
    host_id      TEXT        NOT NULL,
    kickoff      TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Where a host wants to be paid (the provider's connected account, e.g. Stripe's acct_...). Without
-- one the host id itself is the destination, which only the sandbox accepts.
CREATE TABLE payout_accounts (
    host_id    TEXT PRIMARY KEY,
    account_id TEXT        NOT NULL CHECK (account_id ~ '^acct_[A-Za-z0-9_]{1,64}$'),
    updated_at TIMESTAMPTZ NOT NULL
);

-- A payout is written (PENDING, with the bookings it settles) before the provider is called, and
-- marked PAID with the ledger entry and the HostPaidOut event in one transaction after the provider
-- answered. The idempotency key (payout id + key generation) is the same for every retry after an
-- unknown outcome, so a crash between the call and the record never pays twice; only a definite
-- refusal (nothing moved) starts a new generation.
CREATE TABLE payouts (
    id              UUID PRIMARY KEY,
    host_id         TEXT           NOT NULL,
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status          TEXT           NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    key_generation  INTEGER        NOT NULL DEFAULT 0 CHECK (key_generation >= 0),
    destination     TEXT,
    attempts        INTEGER        NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ    NOT NULL,
    locked_until    TIMESTAMPTZ,
    failure_code    TEXT,
    failure_reason  TEXT,
    provider_ref    TEXT,
    created_at      TIMESTAMPTZ    NOT NULL,
    paid_at         TIMESTAMPTZ,
    CONSTRAINT paid_has_provider_ref CHECK ((status = 'PAID') = (provider_ref IS NOT NULL AND paid_at IS NOT NULL)),
    CONSTRAINT failed_has_reason CHECK (status <> 'FAILED' OR (failure_code IS NOT NULL AND failure_reason IS NOT NULL))
);
-- At most one unfinished payout per host and currency: two pollers can never both open one.
CREATE UNIQUE INDEX payouts_one_open_per_host ON payouts (host_id, currency) WHERE status <> 'PAID';
CREATE INDEX payouts_due ON payouts (next_attempt_at) WHERE status <> 'PAID';
CREATE INDEX payouts_host ON payouts (host_id, created_at);

-- What each payout settles, booking by booking: the change of the booking's net host amount since
-- earlier payouts (negative when a refund or a penalty came after an earlier payout). The items of
-- a payout add up to its amount.
CREATE TABLE payout_items (
    payout_id  UUID           NOT NULL REFERENCES payouts (id),
    booking_id UUID           NOT NULL REFERENCES payment_intents (booking_id),
    amount     NUMERIC(12, 2) NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (payout_id, booking_id)
);
CREATE INDEX payout_items_booking ON payout_items (booking_id);

CREATE FUNCTION payout_items_add_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM payouts p
        WHERE p.id = NEW.payout_id
          AND p.amount <> (SELECT sum(i.amount) FROM payout_items i WHERE i.payout_id = p.id)) THEN
        RAISE EXCEPTION 'the items of payout % do not add up to its amount', NEW.payout_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER payout_items_add_up
    AFTER INSERT ON payout_items DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION payout_items_add_up();

-- A payout's journal entry belongs to the payout, not to a booking.
ALTER TABLE journal_entries ALTER COLUMN booking_id DROP NOT NULL;
ALTER TABLE journal_entries ADD COLUMN payout_id UUID;
ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_check;
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_check
    CHECK (kind IN ('CAPTURE', 'REFUND', 'PENALTY', 'PAYOUT'));
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_subject CHECK (
    (kind = 'PAYOUT' AND payout_id IS NOT NULL AND booking_id IS NULL)
    OR (kind <> 'PAYOUT' AND payout_id IS NULL AND booking_id IS NOT NULL));
CREATE UNIQUE INDEX journal_entries_one_per_payout ON journal_entries (payout_id) WHERE payout_id IS NOT NULL;

-- The sandbox provider's transfers to hosts, idempotent per key like its charges.
CREATE TABLE sandbox_transfers (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT           NOT NULL UNIQUE,
    destination     TEXT           NOT NULL,
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL
);
