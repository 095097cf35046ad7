package dev.couchannel.payment.payout.persistence;

import dev.couchannel.payment.payout.PayoutAccounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hosts' payout accounts in PostgreSQL ({@code payout_accounts}). */
@Repository
class JdbcPayoutAccounts implements PayoutAccounts {

    private final JdbcClient jdbc;

    JdbcPayoutAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> of(String hostId) {
        return jdbc.sql("SELECT account_id FROM payout_accounts WHERE host_id = :host")
                .param("host", hostId)
                .query(String.class)
                .optional();
    }

    @Override
    public void set(String hostId, String accountId, Instant at) {
        jdbc.sql("""
                        INSERT INTO payout_accounts (host_id, account_id, updated_at) VALUES (:host, :account, :at)
                        ON CONFLICT (host_id) DO UPDATE SET account_id = EXCLUDED.account_id, updated_at = EXCLUDED.updated_at""")
                .param("host", hostId)
                .param("account", accountId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
