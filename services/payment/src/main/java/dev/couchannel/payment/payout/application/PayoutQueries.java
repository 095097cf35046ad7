package dev.couchannel.payment.payout.application;

import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.payout.HostStatement;
import dev.couchannel.payment.payout.Payout;
import dev.couchannel.payment.payout.PayoutAccounts;
import dev.couchannel.payment.payout.PayoutSchedule;
import dev.couchannel.payment.payout.Payouts;
import dev.couchannel.payment.payout.Reconciliation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** What hosts and admins read about payouts: a host's statement, the reconciliation report. */
@Service
public class PayoutQueries {

    /** A host's payouts, newest first, with what is not settled yet and where the money goes. */
    public record HostPayoutsView(
            String hostId, Optional<String> payoutAccount, List<Payout> payouts, HostStatement statement) {}

    private final Payouts payouts;
    private final PayoutAccounts accounts;
    private final Ledger ledger;
    private final Clock clock;
    private final PayoutSchedule schedule;

    PayoutQueries(Payouts payouts, PayoutAccounts accounts, Ledger ledger, Clock clock, HostPayouts hostPayouts) {
        this.payouts = payouts;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
        this.schedule = hostPayouts.schedule();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public HostPayoutsView ofHost(String hostId, int limit) {
        Instant now = clock.instant();
        return new HostPayoutsView(
                hostId,
                accounts.of(hostId),
                payouts.ofHost(hostId, limit),
                HostStatement.of(payouts.balancesOf(hostId), schedule, now));
    }

    /**
     * Both sides read in one snapshot (REPEATABLE READ), so money moving meanwhile cannot show up
     * on one side only.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Reconciliation reconcile() {
        return Reconciliation.of(ledger.balances(), payouts.expectedPayables(), clock.instant());
    }

    /** Sets where the host's payouts go from the next attempt under a new key. */
    @Transactional
    public void setPayoutAccount(String hostId, String accountId) {
        accounts.set(hostId, accountId, clock.instant());
    }
}
