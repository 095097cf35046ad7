package dev.couchannel.pricing.quote;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A price for some seats of a session, offered to one guest until {@link #expiresAt()}. A booking
 * locks it (then the price holds for that booking however long the saga takes); releasing the
 * lock makes it usable again until it expires.
 */
public final class Quote {

    /** The most seats one quote (and one booking) may cover. */
    public static final int MAX_SEATS = 20;

    private final UUID id;
    private final UUID sessionId;
    private final int seats;
    private final String guestId;
    private final Price price;
    private final Instant createdAt;
    private final Instant expiresAt;
    private @Nullable UUID lockedBy;

    public Quote(
            UUID id,
            UUID sessionId,
            int seats,
            String guestId,
            Price price,
            Instant createdAt,
            Instant expiresAt,
            @Nullable UUID lockedBy) {
        if (seats < 1 || seats > MAX_SEATS) {
            throw new IllegalArgumentException("a quote covers 1 to " + MAX_SEATS + " seats, not " + seats);
        }
        this.id = Objects.requireNonNull(id);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.seats = seats;
        this.guestId = Objects.requireNonNull(guestId);
        this.price = Objects.requireNonNull(price);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.lockedBy = lockedBy;
    }

    /** Prices {@code seats} seats of {@code session} for {@code guestId}, valid for {@code ttl} from {@code now}. */
    public static Quote offer(
            PricingRule rule, PricedSession session, int seats, String guestId, Instant now, Duration ttl) {
        return new Quote(
                UUID.randomUUID(),
                session.sessionId(),
                seats,
                guestId,
                rule.price(session, seats, now),
                now,
                now.plus(ttl),
                null);
    }

    /** Whether {@code seats} is a seat count a quote may cover. */
    public static boolean allowedSeats(int seats) {
        return seats >= 1 && seats <= MAX_SEATS;
    }

    /**
     * Locks this quote's price for a booking of the same guest, session and seats, unless it
     * expired or another booking holds it.
     *
     * @return the reason a guest can read when it may not be locked
     */
    public Optional<String> lockFor(UUID bookingId, UUID sessionId, int seats, String guestId, Instant now) {
        if (!this.guestId.equals(guestId)) {
            return Optional.of("This price quote belongs to another guest.");
        }
        if (!this.sessionId.equals(sessionId)) {
            return Optional.of("This price quote is for another session.");
        }
        if (this.seats != seats) {
            return Optional.of("This price quote is for " + this.seats + " seats, not " + seats + "; get a new one.");
        }
        if (lockedBy != null && !lockedBy.equals(bookingId)) {
            return Optional.of("This quote was already used for another booking.");
        }
        if (lockedBy == null && isExpired(now)) {
            return Optional.of("Your price quote expired; get a new one.");
        }
        lockedBy = bookingId;
        return Optional.empty();
    }

    /** Gives the price back if {@code bookingId} holds it; it stays valid or expired as it was. */
    public boolean unlock(UUID bookingId) {
        if (bookingId.equals(lockedBy)) {
            lockedBy = null;
            return true;
        }
        return false;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public int seats() {
        return seats;
    }

    public String guestId() {
        return guestId;
    }

    public Price price() {
        return price;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<UUID> lockedBy() {
        return Optional.ofNullable(lockedBy);
    }

    @Override
    public String toString() {
        return "Quote[" + id + ", " + seats + " seats of " + sessionId + ", " + price.total() + "]";
    }
}
