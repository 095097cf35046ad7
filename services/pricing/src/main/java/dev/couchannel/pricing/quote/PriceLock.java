package dev.couchannel.pricing.quote;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Pricing's answer to one booking's ConfirmQuote (and then its ReleaseQuote). Kept per booking
 * id, so a repeated command is answered the same way without locking anything twice.
 *
 * @param quoteId the quote locked (or refused), null when none was found or priced
 * @param reason why it was refused or released, for the guest
 * @param total what the booking pays, when locked
 */
public record PriceLock(
        UUID bookingId,
        @Nullable UUID quoteId,
        Status status,
        @Nullable String reason,
        @Nullable Money total,
        Instant updatedAt) {

    public enum Status {
        LOCKED,
        REFUSED,
        RELEASED
    }

    public PriceLock {
        Objects.requireNonNull(bookingId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(updatedAt);
        if (status == Status.LOCKED && (quoteId == null || total == null)) {
            throw new IllegalArgumentException("a lock names its quote and total");
        }
    }

    public static PriceLock locked(UUID bookingId, Quote quote, Instant now) {
        return new PriceLock(
                bookingId, quote.id(), Status.LOCKED, null, quote.price().total(), now);
    }

    public static PriceLock refused(UUID bookingId, @Nullable UUID quoteId, String reason, Instant now) {
        return new PriceLock(bookingId, quoteId, Status.REFUSED, reason, null, now);
    }

    /** The booking gave its price back (or will never take one: a release may overtake the confirm). */
    public PriceLock release(String why, Instant now) {
        return new PriceLock(bookingId, quoteId, Status.RELEASED, why, total, now);
    }

    /** The reason to give a ConfirmQuote that arrives for a booking already released. */
    public static final String RELEASED_REASON = "The price lock of this booking was already released.";
}
