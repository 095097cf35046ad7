package dev.couchannel.payment.ledger.persistence;

import dev.couchannel.payment.ledger.Account;
import dev.couchannel.payment.ledger.Balance;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Leg;
import dev.couchannel.payment.ledger.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger in PostgreSQL. The database checks what the domain checks: a deferred constraint
 * trigger refuses, at commit, any entry whose legs do not sum to zero per currency, and triggers
 * refuse every update or delete.
 */
@Repository
class JdbcLedger implements Ledger {

    private final JdbcClient jdbc;

    JdbcLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void post(JournalEntry entry) {
        try {
            jdbc.sql("""
                            INSERT INTO journal_entries (id, booking_id, payout_id, kind, memo, posted_at)
                            VALUES (:id, :booking, :payout, :kind, :memo, :posted)
                            """)
                    .param("id", entry.id())
                    .param("booking", entry.bookingId(), Types.OTHER)
                    .param("payout", entry.payoutId(), Types.OTHER)
                    .param("kind", entry.kind().name())
                    .param("memo", entry.memo())
                    .param("posted", Timestamp.from(entry.postedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException(
                    "journal entry " + entry.id() + " (" + entry.memo() + ") was posted before", e);
        }
        int number = 0;
        for (Leg leg : entry.legs()) {
            jdbc.sql("""
                            INSERT INTO journal_legs (entry_id, leg_no, account, amount, currency)
                            VALUES (:entry, :no, :account, :amount, :currency)
                            """)
                    .param("entry", entry.id())
                    .param("no", ++number)
                    .param("account", leg.account().name())
                    .param("amount", leg.amount().amount())
                    .param("currency", leg.amount().currency().getCurrencyCode())
                    .update();
        }
    }

    @Override
    public List<Balance> balances() {
        return jdbc.sql("""
                        SELECT account, currency, sum(amount) AS balance
                        FROM journal_legs GROUP BY account, currency ORDER BY account, currency
                        """).query(JdbcLedger::balance).list();
    }

    @Override
    public List<Balance> balancesOf(UUID bookingId) {
        return jdbc.sql("""
                        SELECT l.account, l.currency, sum(l.amount) AS balance
                        FROM journal_legs l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.booking_id = :booking
                        GROUP BY l.account, l.currency ORDER BY l.account, l.currency
                        """)
                .param("booking", bookingId)
                .query(JdbcLedger::balance)
                .list();
    }

    @Override
    public List<JournalEntry> entriesOf(UUID bookingId) {
        record Row(UUID id, JournalEntry.Kind kind, String memo, Timestamp posted, Leg leg) {}
        List<Row> rows = jdbc.sql("""
                        SELECT e.id, e.kind, e.memo, e.posted_at, l.account, l.amount, l.currency
                        FROM journal_entries e JOIN journal_legs l ON l.entry_id = e.id
                        WHERE e.booking_id = :booking
                        ORDER BY e.posted_at, e.id, l.leg_no
                        """)
                .param("booking", bookingId)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        JournalEntry.Kind.valueOf(rs.getString("kind")),
                        rs.getString("memo"),
                        rs.getTimestamp("posted_at"),
                        new Leg(
                                new Account(rs.getString("account")),
                                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))))))
                .list();
        Map<UUID, List<Row>> byEntry = new LinkedHashMap<>();
        rows.forEach(row ->
                byEntry.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return byEntry.values().stream()
                .map(legs -> {
                    Row first = legs.getFirst();
                    return new JournalEntry(
                            first.id(),
                            bookingId,
                            first.kind(),
                            first.memo(),
                            first.posted().toInstant(),
                            legs.stream().map(Row::leg).toList());
                })
                .toList();
    }

    private static Balance balance(ResultSet rs, int row) throws SQLException {
        return new Balance(
                new Account(rs.getString("account")),
                new Money(rs.getBigDecimal("balance"), Currency.getInstance(rs.getString("currency"))));
    }
}
