package dev.couchannel.payment.payout.application;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.payment.v1.HostPaidOut;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.application.ProviderCalls;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.payout.Payout;
import dev.couchannel.payment.payout.PayoutAccounts;
import dev.couchannel.payment.payout.PayoutPlan;
import dev.couchannel.payment.payout.PayoutRetry;
import dev.couchannel.payment.payout.PayoutSchedule;
import dev.couchannel.payment.payout.PayoutStatus;
import dev.couchannel.payment.payout.Payouts;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays hosts what their finished sessions earned (ADR 18), in two steps that any number of
 * instances may run at once:
 *
 * <ol>
 *   <li><b>Plan</b> ({@link #planDue}): per host, under a per-host database lock, the bookings whose
 *       session ended and whose dispute window passed (and any money the host owes back) are added
 *       up; a positive total becomes a PENDING payout with its bookings, committed <em>before</em> the
 *       provider hears of it. A host with an unpaid payout gets no second one.
 *   <li><b>Pay</b> ({@link #payDue}): due payouts are leased ({@code FOR UPDATE SKIP LOCKED}), the
 *       provider is called outside any transaction with the payout's idempotency key, and then, in
 *       one transaction under the payout's row lock, the payout turns PAID, the ledger moves the money
 *       out (debit {@code host_payable:<host>}, credit {@code provider_clearing}) and
 *       {@code HostPaidOut} goes to the outbox.
 * </ol>
 *
 * <p>A crash after the provider call leaves the payout PENDING; when its lease runs out the next
 * run calls the provider again with the same key, gets the first transfer back and records it once.
 * A refusal leaves the ledger untouched and the payout FAILED, retried with backoff under a new key.
 */
@Service
public class HostPayouts {

    private static final Logger log = LoggerFactory.getLogger(HostPayouts.class);
    private static final String SOURCE = "payment";

    private final Payouts payouts;
    private final PayoutAccounts accounts;
    private final Ledger ledger;
    private final ProviderCalls provider;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PayoutSchedule schedule;
    private final PayoutRetry retry;
    private final Duration lease;
    private final int batchSize;

    HostPayouts(
            Payouts payouts,
            PayoutAccounts accounts,
            Ledger ledger,
            ProviderCalls provider,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            @Value("${couchannel.payment.payouts.session-length:3h}") Duration sessionLength,
            @Value("${couchannel.payment.payouts.dispute-window:72h}") Duration disputeWindow,
            @Value("${couchannel.payment.payouts.retry-backoff:1m}") Duration retryBackoff,
            @Value("${couchannel.payment.payouts.retry-backoff-max:6h}") Duration retryBackoffMax,
            @Value("${couchannel.payment.payouts.lease:2m}") Duration lease,
            @Value("${couchannel.payment.payouts.batch-size:50}") int batchSize) {
        this.payouts = payouts;
        this.accounts = accounts;
        this.ledger = ledger;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.schedule = new PayoutSchedule(sessionLength, disputeWindow);
        this.retry = new PayoutRetry(retryBackoff, retryBackoffMax);
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** One run of the poller: plans what became payable, then pays what is due. */
    public void run() {
        planDue();
        payDue();
    }

    public PayoutSchedule schedule() {
        return schedule;
    }

    /**
     * Opens a payout for every host and currency with a positive total due and no unpaid payout.
     *
     * @return how many payouts were opened
     */
    public int planDue() {
        int opened = 0;
        for (String host : payouts.hostsWithUnsettledBookings()) {
            try {
                Integer count = transactions.execute(status -> plan(host));
                opened += count == null ? 0 : count;
            } catch (RuntimeException e) {
                // one host's trouble must not hold up the others; the next run tries again
                log.error("could not plan a payout for host {}", host, e);
            }
        }
        return opened;
    }

    private int plan(String host) {
        payouts.lockHost(host);
        Instant now = clock.instant();
        int opened = 0;
        for (PayoutPlan plan : PayoutPlan.of(host, payouts.balancesOf(host), schedule, now)) {
            String currency = plan.amount().currency().getCurrencyCode();
            if (!plan.isPayable()) {
                log.debug("host {} owes {} more than is payable; carried over to the next payout", host, plan.amount());
                continue;
            }
            if (payouts.hasUnpaid(host, currency)) {
                continue;
            }
            Payout payout = Payout.of(plan, UUID.randomUUID(), now);
            payouts.add(payout, plan.items());
            log.info(
                    "payout {} of {} to host {} for {} bookings",
                    payout.id(),
                    payout.amount(),
                    host,
                    plan.items().size());
            opened++;
        }
        return opened;
    }

    /**
     * Calls the provider for every due payout this instance can lease, and records each answer.
     *
     * @return how many payouts were paid
     */
    public int payDue() {
        int paid = 0;
        List<Payout> due;
        do {
            due = payouts.claimDue(batchSize, lease);
            for (Payout payout : due) {
                try {
                    paid += pay(payout) ? 1 : 0;
                } catch (RuntimeException e) {
                    // the lease runs out and a later run asks the provider again with the same key
                    log.error("payout {} not recorded; retried when its lease ends", payout.id(), e);
                }
            }
        } while (due.size() == batchSize);
        return paid;
    }

    private boolean pay(Payout claimed) {
        String key = claimed.idempotencyKey();
        // The destination is fixed for the key, in the database, before the provider hears of it: a
        // retry under this key (here or on another instance whose lease ran out) sends the same.
        String destination = transactions.execute(status -> {
            Payout payout = payouts.lock(claimed.id()).orElseThrow();
            if (payout.status() == PayoutStatus.PAID || !payout.idempotencyKey().equals(key)) {
                return null; // another instance got an answer meanwhile
            }
            String chosen = payout.destinationFor(accounts.of(payout.hostId()).orElse(payout.hostId()));
            payouts.save(payout);
            return chosen;
        });
        if (destination == null) {
            return false;
        }
        ProviderResult answer = provider.payout(key, destination, claimed.amount());
        Boolean paid = transactions.execute(status -> {
            Payout payout = payouts.lock(claimed.id()).orElseThrow();
            Instant now = clock.instant();
            if (!(answer instanceof ProviderResult.Approved)
                    && !payout.idempotencyKey().equals(key)) {
                return false; // a stale failure: another instance recorded an answer under this key meanwhile
            }
            switch (answer) {
                // money that moved is recorded whatever happened meanwhile (paid() is once only)
                case ProviderResult.Approved approved -> {
                    if (!payout.paid(approved.providerRef(), now)) {
                        return false;
                    }
                    payouts.recordAttempt(payout);
                    ledger.post(JournalEntry.payout(payout.id(), payout.hostId(), payout.amount(), now));
                    outbox.append(
                            Topics.PAYMENT_EVENTS, ProtobufEvents.wrap(SOURCE, payout.hostId(), paidOut(payout), now));
                    count("paid");
                    return true;
                }
                case ProviderResult.Declined declined -> {
                    payout.refused(declined.code(), declined.guestReason(), retry, now);
                    payouts.recordAttempt(payout);
                    log.warn(
                            "payout {} to {} refused: {} ({}); next attempt at {}",
                            payout.id(),
                            destination,
                            declined.code(),
                            declined.guestReason(),
                            payout.nextAttemptAt());
                    count("refused");
                    return false;
                }
                case ProviderResult.ProviderError error -> {
                    payout.unanswered(error.detail(), retry, now);
                    payouts.recordAttempt(payout);
                    log.warn(
                            "payout {} unanswered: {}; next attempt at {} under the same key",
                            payout.id(),
                            error.detail(),
                            payout.nextAttemptAt());
                    count("unanswered");
                    return false;
                }
            }
        });
        return Boolean.TRUE.equals(paid);
    }

    private HostPaidOut paidOut(Payout payout) {
        return HostPaidOut.newBuilder()
                .setPayoutId(payout.id().toString())
                .setHostId(payout.hostId())
                .setAmount(
                        WireMoney.of(payout.amount().amount(), payout.amount().currency()))
                .addAllBookingIds(payouts.bookingsOf(payout.id()).stream()
                        .map(UUID::toString)
                        .toList())
                .setProviderRef(String.valueOf(payout.providerRef()))
                .setPaidAt(WireTime.of(payout.paidAt()))
                .build();
    }

    private void count(String outcome) {
        Counter.builder("couchannel.payment.payouts")
                .description("payout attempts, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
