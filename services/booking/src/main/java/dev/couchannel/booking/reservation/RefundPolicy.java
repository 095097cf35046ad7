package dev.couchannel.booking.reservation;

import java.time.Duration;
import java.time.Instant;

/**
 * What a guest gets back when cancelling a confirmed booking (DOMAIN.md, "Refund and cancellation
 * policies"). The host picks one per session.
 */
public enum RefundPolicy {
    /** Full refund up to 24 h before kickoff. */
    FLEXIBLE,
    /** Full refund up to 7 days before kickoff, or within 24 h of booking; nothing after that. */
    MODERATE,
    /** No refund. */
    STRICT;

    /** The refund for a booking of {@code total} made at {@code bookedAt}, cancelled {@code now}. */
    public Money refundOf(Money total, Instant bookedAt, Instant kickoff, Instant now) {
        boolean full =
                switch (this) {
                    case FLEXIBLE -> !now.isAfter(kickoff.minus(Duration.ofHours(24)));
                    case MODERATE ->
                        !now.isAfter(kickoff.minus(Duration.ofDays(7)))
                                || (!now.isAfter(bookedAt.plus(Duration.ofHours(24))) && now.isBefore(kickoff));
                    case STRICT -> false;
                };
        return full ? total : total.times(0);
    }
}
