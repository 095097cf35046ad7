package dev.couchannel.booking.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The terms a confirmed booking is cancelled on (DOMAIN.md, "Refund and cancellation policies"):
 * who cancelled, what the guest gets back and what the host pays for it.
 *
 * @param hostPenalty owed by the host to the platform, taken from the next payout; zero unless the
 *     host (or an admin, for the host) cancelled the session
 */
public record Cancellation(CancelledBy by, Money refund, Money hostPenalty, String reason) {

    public Cancellation {
        Objects.requireNonNull(by);
        Objects.requireNonNull(refund);
        Objects.requireNonNull(hostPenalty);
        Objects.requireNonNull(reason);
        if (refund.amount().signum() < 0 || hostPenalty.amount().signum() < 0) {
            throw new IllegalArgumentException("refunds and penalties are never negative");
        }
    }

    /** The guest cancels: the session's refund policy decides how much comes back. */
    public static Cancellation byGuest(Booking booking, RefundPolicy policy, Instant kickoff, Instant now) {
        Money total = totalOf(booking);
        return new Cancellation(
                CancelledBy.GUEST,
                policy.refundOf(total, booking.createdAt(), kickoff, now),
                total.times(0),
                "cancelled by the guest");
    }

    /** An admin cancels one booking: everything back, and the host did nothing wrong. */
    public static Cancellation byAdmin(Booking booking) {
        Money total = totalOf(booking);
        return new Cancellation(CancelledBy.ADMIN, total, total.times(0), "cancelled by an admin");
    }

    /**
     * The session is off: every guest gets everything back. Unless the fixture was postponed (force
     * majeure), the host pays {@code penaltyRate} of the booking's value.
     */
    public static Cancellation ofSession(Booking booking, CancelledBy by, BigDecimal penaltyRate, String reason) {
        Money total = totalOf(booking);
        Money penalty = by == CancelledBy.FIXTURE_POSTPONED ? total.times(0) : total.share(penaltyRate);
        return new Cancellation(by, total, penalty, reason);
    }

    private static Money totalOf(Booking booking) {
        return Objects.requireNonNull(booking.total(), "a confirmed booking has a price");
    }
}
