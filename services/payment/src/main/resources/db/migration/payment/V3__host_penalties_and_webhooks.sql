-- Host penalties: when a host cancels a session, couchannel keeps a penalty out of what it owes
-- the host (a PENALTY journal entry: debit host_payable:<host>, credit platform_revenue). At most
-- one per booking, and only on a payment that was captured.
ALTER TABLE payment_intents
    ADD COLUMN host_penalty NUMERIC(12, 2) CHECK (host_penalty > 0),
    ADD CONSTRAINT penalty_only_when_captured CHECK (
        host_penalty IS NULL OR status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'));

ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_check;
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_check
    CHECK (kind IN ('CAPTURE', 'REFUND', 'PENALTY'));

-- Webhooks find their intent by the provider's id of it.
CREATE INDEX payment_intents_provider_ref ON payment_intents (provider_ref) WHERE provider_ref IS NOT NULL;

-- The inbox of provider webhooks: an event is handled once, however often the provider sends it.
CREATE TABLE webhook_events (
    provider    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, event_id)
);
