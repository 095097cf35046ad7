package dev.couchannel.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A balanced set of legs posted together: for every currency the debits equal the credits, so
 * the legs sum to zero. Entries are never changed; a refund is a new, reversing entry.
 *
 * <p>The id is derived from what the entry records ({@code <booking>:capture},
 * {@code <booking>:refund:<key>}, {@code payout:<payout>}), so posting the same movement twice is
 * refused by the ledger's primary key rather than doubling the money.
 *
 * <p>An entry belongs to a booking, except a {@link Kind#PAYOUT}, which belongs to its payout (it
 * settles many bookings at once).
 */
public record JournalEntry(
        UUID id,
        @Nullable UUID bookingId,
        Kind kind,
        String memo,
        Instant postedAt,
        List<Leg> legs,
        @Nullable UUID payoutId) {

    /** What the entry records. */
    public enum Kind {
        /** A guest's payment taken: clearing debited, host payable and platform revenue credited. */
        CAPTURE,
        /** Captured money given back: the capture reversed in proportion. */
        REFUND,
        /** A host's cancellation penalty: host payable debited, platform revenue credited. */
        PENALTY,
        /** Money paid out to a host: host payable debited, provider clearing credited (the money leaves). */
        PAYOUT,
        /** A refund the provider accepted and failed later: the refund's entry reversed (the money never left). */
        REFUND_REVERSAL,
        /**
         * A refused refund an operator gave back another way (a bank transfer): host payable and platform
         * revenue debited like a refund, {@code repaid_outside_provider} credited.
         */
        REPAYMENT
    }

    /** An entry of a booking. */
    public JournalEntry(UUID id, UUID bookingId, Kind kind, String memo, Instant postedAt, List<Leg> legs) {
        this(id, bookingId, kind, memo, postedAt, legs, null);
    }

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        if ((kind == Kind.PAYOUT) != (payoutId != null) || (bookingId == null) == (payoutId == null)) {
            throw new IllegalArgumentException(
                    "a payout entry belongs to its payout, every other entry to its booking: " + kind + " of booking "
                            + bookingId + ", payout " + payoutId);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(postedAt, "postedAt");
        legs = List.copyOf(legs);
        if (legs.size() < 2) {
            throw new IllegalArgumentException("a journal entry has at least two legs, got " + legs);
        }
        for (Money sum : sums(legs).values()) {
            if (!sum.isZero()) {
                throw new IllegalArgumentException("journal entry " + memo + " is unbalanced by " + sum + ": " + legs);
            }
        }
    }

    /** The entry of a capture: the provider holds the money, the host and the platform are owed their parts. */
    public static JournalEntry capture(UUID bookingId, String hostId, Split split, Instant at) {
        return new JournalEntry(
                idOf(bookingId, "capture"),
                bookingId,
                Kind.CAPTURE,
                "capture",
                at,
                moneyIn(Account.PROVIDER_CLEARING, hostId, split));
    }

    /**
     * The entry of a refund: the provider gives the money back, the host and the platform give up
     * their parts of it.
     *
     * @param refundKey identifies the refund among the booking's refunds
     */
    public static JournalEntry refund(UUID bookingId, String hostId, String refundKey, Split split, Instant at) {
        return new JournalEntry(
                idOf(bookingId, "refund:" + refundKey),
                bookingId,
                Kind.REFUND,
                "refund " + refundKey,
                at,
                moneyOut(Account.PROVIDER_CLEARING, hostId, split));
    }

    /**
     * The entry that undoes a refund the provider accepted and then failed (its webhook said so): the
     * provider still holds the money, and the host and the platform are owed their parts again. At most
     * one per refund (the id is derived from the refund's).
     */
    public static JournalEntry refundReversal(
            UUID bookingId, String hostId, String refundKey, Split split, Instant at) {
        return new JournalEntry(
                idOf(bookingId, "refund:" + refundKey + ":reversal"),
                bookingId,
                Kind.REFUND_REVERSAL,
                "refund " + refundKey + " failed at the provider",
                at,
                moneyIn(Account.PROVIDER_CLEARING, hostId, split));
    }

    /**
     * The entry of a refused refund that an operator gave back another way: the host and the platform give
     * up their parts as for a refund, and the money left through couchannel's own account rather than the
     * provider. At most one per refund request (the id is derived from its key).
     */
    public static JournalEntry repayment(
            UUID bookingId, String hostId, String refundKey, Split split, String reference, Instant at) {
        return new JournalEntry(
                idOf(bookingId, "repayment:" + refundKey),
                bookingId,
                Kind.REPAYMENT,
                "refund " + refundKey + " repaid outside the provider: " + reference,
                at,
                moneyOut(Account.REPAID_OUTSIDE_PROVIDER, hostId, split));
    }

    /** A guest's money comes in through {@code holder}: the host and the platform are owed their parts. */
    private static List<Leg> moneyIn(Account holder, String hostId, Split split) {
        List<Leg> legs = new ArrayList<>();
        legs.add(Leg.debit(holder, split.total()));
        if (split.hostShare().isPositive()) {
            legs.add(Leg.credit(Account.hostPayable(hostId), split.hostShare()));
        }
        if (split.platformFee().isPositive()) {
            legs.add(Leg.credit(Account.PLATFORM_REVENUE, split.platformFee()));
        }
        return legs;
    }

    /** A guest's money goes back out through {@code holder}: the host and the platform give up their parts. */
    private static List<Leg> moneyOut(Account holder, String hostId, Split split) {
        return moneyIn(holder, hostId, split).stream()
                .map(leg -> new Leg(leg.account(), leg.amount().negate()))
                .toList();
    }

    /**
     * The entry of a host's cancellation penalty: what couchannel owes the host shrinks by the
     * penalty (and may turn into a debt of the host), which couchannel earns instead. Payouts come
     * out of {@code host_payable}, so the host's next payout is smaller by the penalty. At most one
     * per booking (the id is {@code <booking>:penalty}).
     */
    public static JournalEntry hostPenalty(UUID bookingId, String hostId, Money penalty, Instant at) {
        return new JournalEntry(
                idOf(bookingId, "penalty"),
                bookingId,
                Kind.PENALTY,
                "host penalty",
                at,
                List.of(
                        Leg.debit(Account.hostPayable(hostId), penalty),
                        Leg.credit(Account.PLATFORM_REVENUE, penalty)));
    }

    /**
     * The entry of a payout: the provider sent {@code amount} to the host, so couchannel owes the host
     * that much less and the provider holds that much less for us. At most one per payout (the id
     * is derived from the payout's).
     */
    public static JournalEntry payout(UUID payoutId, String hostId, Money amount, Instant at) {
        return new JournalEntry(
                UUID.nameUUIDFromBytes(("payout:" + payoutId).getBytes(StandardCharsets.UTF_8)),
                null,
                Kind.PAYOUT,
                "payout " + payoutId,
                at,
                List.of(Leg.debit(Account.hostPayable(hostId), amount), Leg.credit(Account.PROVIDER_CLEARING, amount)),
                payoutId);
    }

    /** The sum of the legs per currency; zero for every currency of a valid entry. */
    public static Map<Currency, Money> sums(List<Leg> legs) {
        Map<Currency, Money> sums = new HashMap<>();
        for (Leg leg : legs) {
            sums.merge(leg.amount().currency(), leg.amount(), Money::plus);
        }
        return sums;
    }

    private static UUID idOf(UUID bookingId, String what) {
        return UUID.nameUUIDFromBytes((bookingId + ":" + what).getBytes(StandardCharsets.UTF_8));
    }
}
