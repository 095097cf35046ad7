package dev.couchannel.payment.payout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payouts and what they settle (port). */
public interface Payouts {

    /** Hosts with a captured booking whose net is not fully settled yet (candidates for a payout). */
    List<String> hostsWithUnsettledBookings();

    /**
     * Holds the host's payouts for the rest of the transaction: whoever plans a payout for the host
     * meanwhile waits, so two pollers never plan the same money.
     */
    void lockHost(String hostId);

    /** The host's captured bookings with what is still to be settled (zero included). */
    List<BookingBalance> balancesOf(String hostId);

    /** Whether the host has an unpaid (PENDING or FAILED) payout in {@code currency}. */
    boolean hasUnpaid(String hostId, String currency);

    /** Adds a payout with the bookings it settles, in the caller's transaction. */
    void add(Payout payout, List<PayoutPlan.Item> items);

    /**
     * Leases up to {@code limit} unpaid payouts whose next attempt is due and that no other instance
     * holds, for {@code lease}.
     */
    List<Payout> claimDue(int limit, Duration lease);

    /** Loads a payout for a change; other changes to it wait until the transaction ends. */
    Optional<Payout> lock(UUID payoutId);

    /** Stores the payout's state during an attempt; the lease stays. */
    void save(Payout payout);

    /** Stores the payout's state at the end of an attempt (the provider answered) and ends the lease. */
    void recordAttempt(Payout payout);

    /** The bookings a payout settles. */
    List<UUID> bookingsOf(UUID payoutId);

    /**
     * What each host is owed by the payment intents and payouts alone (never the ledger), per
     * currency: for the reconciliation.
     */
    List<Reconciliation.Expected> expectedPayables();

    /** The host's payouts, newest first. */
    List<Payout> ofHost(String hostId, int limit);
}
