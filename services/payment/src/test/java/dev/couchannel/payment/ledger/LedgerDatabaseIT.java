package dev.couchannel.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.payment.PaymentServiceTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database keeps the books honest even against code that bypasses the domain. */
class LedgerDatabaseIT extends PaymentServiceTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEntryWhoseLegsDoNotSumToZeroIsRefusedAtCommit() {
        UUID entry = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    insertEntry(entry);
                    insertLeg(entry, 1, "provider_clearing", "10.00");
                    insertLeg(entry, 2, "platform_revenue", "-9.99");
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("does not balance");
        assertThat(entryCount(entry)).isZero();
    }

    @Test
    void anEntryWithOneLegIsRefusedAtCommit() {
        UUID entry = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    insertEntry(entry);
                    insertLeg(entry, 1, "provider_clearing", "10.00");
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fewer than two legs");
    }

    @Test
    void aBalancedEntryMayBeWrittenLegByLeg() {
        UUID entry = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            insertEntry(entry);
            insertLeg(entry, 1, "provider_clearing", "10.00");
            insertLeg(entry, 2, "host_payable:db-test", "-9.00");
            insertLeg(entry, 3, "platform_revenue", "-1.00");
        });

        assertThat(entryCount(entry)).isEqualTo(1);
    }

    @Test
    void postedEntriesCannotBeChangedOrRemoved() {
        UUID booking = UUID.randomUUID();
        JournalEntry entry = JournalEntry.capture(
                booking, "host-x", PlatformFee.percent("10").split(Money.of("10.00", "EUR")), Instant.now());
        transactions.executeWithoutResult(status -> ledger.post(entry));

        assertThatThrownBy(() -> jdbc.sql("UPDATE journal_legs SET amount = amount * 2 WHERE entry_id = :id")
                        .param("id", entry.id())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entries WHERE id = :id")
                        .param("id", entry.id())
                        .update())
                .hasMessageContaining("append-only");
        assertThat(ledger.entriesOf(booking)).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(entry.id());
            assertThat(stored.legs()).isEqualTo(entry.legs());
        });
    }

    @Test
    void theSameMovementCannotBePostedTwice() {
        UUID booking = UUID.randomUUID();
        JournalEntry entry = JournalEntry.capture(
                booking, "host-y", PlatformFee.percent("10").split(Money.of("10.00", "EUR")), Instant.now());
        transactions.executeWithoutResult(status -> ledger.post(entry));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> ledger.post(entry)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.balancesOf(booking))
                .extracting(Balance::amount)
                .containsExactlyInAnyOrder(
                        Money.of("10.00", "EUR"), Money.of("-9.00", "EUR"), Money.of("-1.00", "EUR"));
    }

    @Test
    void refundsBeyondTheCaptureAreRefusedAtCommit() {
        UUID booking = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO payment_intents (booking_id, payment_id, guest_id, host_id, session_id, amount,
                            currency, payment_method, status, provider_ref, host_share, platform_fee, created_at, updated_at)
                        VALUES (:booking, :payment, 'g', 'h', 's', 10.00, 'EUR', 'pm_card_visa', 'CAPTURED', 'ch_1',
                            9.00, 1.00, now(), now())
                        """)
                .param("booking", booking)
                .param("payment", UUID.randomUUID())
                .update();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    insertRefund(booking, "r-1", "9.00", "1.00");
                    insertRefund(booking, "r-2", "0.01", "0.00");
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("exceed its capture");
        transactions.executeWithoutResult(status -> insertRefund(booking, "r-1", "9.00", "1.00"));
    }

    private void insertEntry(UUID entry) {
        jdbc.sql("INSERT INTO journal_entries (id, booking_id, kind, memo, posted_at) "
                        + "VALUES (:id, :booking, 'CAPTURE', 'test', now())")
                .param("id", entry)
                .param("booking", UUID.randomUUID())
                .update();
    }

    private void insertLeg(UUID entry, int number, String account, String amount) {
        jdbc.sql("INSERT INTO journal_legs (entry_id, leg_no, account, amount, currency) "
                        + "VALUES (:entry, :no, :account, :amount::numeric, 'EUR')")
                .param("entry", entry)
                .param("no", number)
                .param("account", account)
                .param("amount", amount)
                .update();
    }

    private void insertRefund(UUID booking, String key, String host, String fee) {
        jdbc.sql("INSERT INTO payment_refunds (booking_id, refund_key, host_part, fee_part, reason, refunded_at) "
                        + "VALUES (:booking, :key, :host::numeric, :fee::numeric, 'test', now())")
                .param("booking", booking)
                .param("key", key)
                .param("host", host)
                .param("fee", fee)
                .update();
    }

    private long entryCount(UUID entry) {
        return jdbc.sql("SELECT count(*) FROM journal_entries WHERE id = :id")
                .param("id", entry)
                .query(Long.class)
                .single();
    }
}
