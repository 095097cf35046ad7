-- Payment intents: one per booking, the booking id is the idempotency key of every command.
CREATE TABLE payment_intents (
    booking_id     UUID PRIMARY KEY,
    payment_id     UUID           NOT NULL UNIQUE,
    guest_id       TEXT           NOT NULL,
    host_id        TEXT           NOT NULL,
    session_id     TEXT           NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency       CHAR(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    payment_method TEXT           NOT NULL,
    status         TEXT           NOT NULL CHECK (status IN
                       ('PENDING', 'AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    provider_ref   TEXT,
    decline_code   TEXT,
    decline_reason TEXT,
    host_share     NUMERIC(12, 2),
    platform_fee   NUMERIC(12, 2),
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    CONSTRAINT capture_splits_exactly CHECK (
        (host_share IS NULL AND platform_fee IS NULL)
        OR (host_share >= 0 AND platform_fee >= 0 AND host_share + platform_fee = amount)),
    CONSTRAINT captured_has_split CHECK (
        (status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')) = (host_share IS NOT NULL)),
    CONSTRAINT authorized_has_provider_ref CHECK (
        status NOT IN ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED') OR provider_ref IS NOT NULL),
    CONSTRAINT declined_has_reason CHECK (
        status <> 'DECLINED' OR (decline_code IS NOT NULL AND decline_reason IS NOT NULL))
);
CREATE INDEX payment_intents_guest ON payment_intents (guest_id);

-- Refunds of a captured payment, split like its capture. A repeated request has the same key.
CREATE TABLE payment_refunds (
    booking_id  UUID           NOT NULL REFERENCES payment_intents (booking_id),
    refund_key  TEXT           NOT NULL,
    host_part   NUMERIC(12, 2) NOT NULL CHECK (host_part >= 0),
    fee_part    NUMERIC(12, 2) NOT NULL CHECK (fee_part >= 0),
    reason      TEXT           NOT NULL,
    refunded_at TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (booking_id, refund_key),
    CONSTRAINT refund_gives_something_back CHECK (host_part + fee_part > 0)
);

-- Never more given back than was taken, part by part (checked at commit).
CREATE FUNCTION payment_refunds_within_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1
        FROM payment_intents i
        JOIN payment_refunds r ON r.booking_id = i.booking_id
        WHERE i.booking_id = NEW.booking_id
        GROUP BY i.booking_id, i.host_share, i.platform_fee
        HAVING i.host_share IS NULL
            OR sum(r.host_part) > i.host_share
            OR sum(r.fee_part) > i.platform_fee) THEN
        RAISE EXCEPTION 'refunds of booking % exceed its capture', NEW.booking_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER payment_refunds_within_capture
    AFTER INSERT OR UPDATE ON payment_refunds DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION payment_refunds_within_capture();

-- The double-entry ledger. A journal entry is a set of legs posted together; a leg's amount is
-- signed (debit positive, credit negative). Accounts are named by stable strings:
-- provider_clearing, host_payable:<host id>, platform_revenue.
CREATE TABLE journal_entries (
    id         UUID PRIMARY KEY,
    booking_id UUID        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('CAPTURE', 'REFUND')),
    memo       TEXT        NOT NULL,
    posted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX journal_entries_booking ON journal_entries (booking_id);

CREATE TABLE journal_legs (
    entry_id UUID           NOT NULL REFERENCES journal_entries (id),
    leg_no   SMALLINT       NOT NULL,
    account  TEXT           NOT NULL CHECK (account ~ '^[a-z_]+(:\S+)?$'),
    amount   NUMERIC(14, 2) NOT NULL CHECK (amount <> 0),
    currency CHAR(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (entry_id, leg_no)
);
CREATE INDEX journal_legs_account ON journal_legs (account, currency);

-- Every entry balances: at commit, each entry written in the transaction has at least two legs
-- and its legs sum to zero in every currency. Deferred, so the legs of an entry may be inserted
-- one by one.
CREATE FUNCTION journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry UUID;
BEGIN
    IF TG_TABLE_NAME = 'journal_entries' THEN
        entry := NEW.id;
    ELSE
        entry := NEW.entry_id;
    END IF;
    IF (SELECT count(*) FROM journal_legs WHERE entry_id = entry) < 2 THEN
        RAISE EXCEPTION 'journal entry % has fewer than two legs', entry USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM journal_legs WHERE entry_id = entry GROUP BY currency HAVING sum(amount) <> 0) THEN
        RAISE EXCEPTION 'journal entry % does not balance', entry USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER journal_entries_balance
    AFTER INSERT ON journal_entries DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();
CREATE CONSTRAINT TRIGGER journal_legs_balance
    AFTER INSERT ON journal_legs DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();

-- The ledger is append-only: a mistake is corrected by a reversing entry, never by an edit.
CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER journal_legs_append_only BEFORE UPDATE OR DELETE ON journal_legs
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
