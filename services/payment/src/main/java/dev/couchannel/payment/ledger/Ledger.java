package dev.couchannel.payment.ledger;

import java.util.List;
import java.util.UUID;

/** The double-entry book (port). Append-only: entries are posted, never changed or removed. */
public interface Ledger {

    /**
     * Posts a balanced entry in the caller's transaction.
     *
     * @throws IllegalStateException when an entry with that id was posted before
     */
    void post(JournalEntry entry);

    /** Every account's balance, per currency (accounts that were never posted to are absent). */
    List<Balance> balances();

    /** The balances that a booking's entries alone add up to. */
    List<Balance> balancesOf(UUID bookingId);

    /** A booking's entries, oldest first. */
    List<JournalEntry> entriesOf(UUID bookingId);
}
