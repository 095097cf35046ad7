-- Refused refunds, the rest of the story (ADR 10, addendum of 2026-11-22, part 2).
--
-- A refund the provider accepted and failed later (a webhook) is reversed by its own entry, and a refused
-- refund an operator gave back another way (a bank transfer) is posted as a repayment.
ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_check;
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_check
    CHECK (kind IN ('CAPTURE', 'REFUND', 'PENALTY', 'PAYOUT', 'REFUND_REVERSAL', 'REPAYMENT'));

-- How an operator resolved a refused refund: all four or none. repaid is what was still refundable of
-- the request when it was resolved (it is also a row of payment_refunds under the same key when positive).
ALTER TABLE payment_refund_failures
    ADD COLUMN resolved_at          TIMESTAMPTZ,
    ADD COLUMN resolution_reference TEXT,
    ADD COLUMN resolution_note      TEXT,
    ADD COLUMN resolved_by          TEXT,
    ADD COLUMN repaid               NUMERIC(12, 2) CHECK (repaid >= 0),
    ADD CONSTRAINT resolution_is_complete CHECK (
        (resolved_at IS NULL) = (resolution_reference IS NULL)
        AND (resolved_at IS NULL) = (resolution_note IS NULL)
        AND (resolved_at IS NULL) = (resolved_by IS NULL)
        AND (resolved_at IS NULL) = (repaid IS NULL));
CREATE INDEX payment_refund_failures_open ON payment_refund_failures (failed_at DESC) WHERE resolved_at IS NULL;
