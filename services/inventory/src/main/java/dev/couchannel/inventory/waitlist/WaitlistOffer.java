package dev.couchannel.inventory.waitlist;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Seats held for the guest at the head of the line until {@code expiresAt}. Nothing is charged:
 * the guest accepts by booking with the offer's id, and pays in that booking.
 */
public final class WaitlistOffer {

    private final UUID id;
    private final UUID entryId;
    private final UUID sessionId;
    private final String guestId;
    private final int seats;
    private final Instant expiresAt;
    private final Instant createdAt;
    private OfferStatus status;
    private @Nullable UUID bookingId;
    private Instant updatedAt;

    public WaitlistOffer(
            UUID id,
            UUID entryId,
            UUID sessionId,
            String guestId,
            int seats,
            OfferStatus status,
            @Nullable UUID bookingId,
            Instant expiresAt,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.entryId = Objects.requireNonNull(entryId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.guestId = Objects.requireNonNull(guestId);
        this.seats = seats;
        this.status = Objects.requireNonNull(status);
        this.bookingId = bookingId;
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    static WaitlistOffer open(WaitlistEntry entry, Instant expiresAt, Instant now) {
        return new WaitlistOffer(
                UUID.randomUUID(),
                entry.id(),
                entry.sessionId(),
                entry.guestId(),
                entry.seats(),
                OfferStatus.OPEN,
                null,
                expiresAt,
                now,
                now);
    }

    /** What accepting an offer decided. */
    public sealed interface Acceptance {

        record Accepted() implements Acceptance {}

        /** The offer stays as it was; {@code reason} is for the guest. */
        record Refused(String reason) implements Acceptance {}
    }

    /**
     * The guest books with this offer: only its guest, for exactly its seats, while it is open.
     * The entry becomes BOOKED.
     */
    public Acceptance accept(WaitlistEntry entry, UUID booking, String guest, int count, Instant now) {
        if (!entry.id().equals(entryId)) {
            throw new IllegalArgumentException("offer " + id + " is not of entry " + entry.id());
        }
        String refusal =
                switch (status) {
                    case ACCEPTED -> "This waitlist offer was already used for another booking.";
                    case EXPIRED -> "This waitlist offer expired.";
                    case WITHDRAWN -> "This waitlist offer was withdrawn.";
                    case OPEN -> {
                        if (!now.isBefore(expiresAt)) {
                            yield "This waitlist offer expired.";
                        }
                        if (!guestId.equals(guest)) {
                            yield "This waitlist offer is for another guest.";
                        }
                        if (count != seats) {
                            yield "This waitlist offer is for " + seats + (seats == 1 ? " seat" : " seats")
                                    + "; book exactly " + seats + ".";
                        }
                        yield null;
                    }
                };
        if (refusal != null) {
            return new Acceptance.Refused(refusal);
        }
        status = OfferStatus.ACCEPTED;
        bookingId = booking;
        updatedAt = now;
        entry.booked(now);
        return new Acceptance.Accepted();
    }

    public boolean isDueAt(Instant now) {
        return status == OfferStatus.OPEN && !now.isBefore(expiresAt);
    }

    /** The guest did not book in time (give the seats back to the session and the next in line). */
    public void expire(Instant now) {
        if (status != OfferStatus.OPEN) {
            throw new IllegalStateException("offer " + id + " is " + status);
        }
        status = OfferStatus.EXPIRED;
        updatedAt = now;
    }

    /** The guest left, or the session was cancelled (give the seats back to the session). */
    public void withdraw(Instant now) {
        if (status != OfferStatus.OPEN) {
            throw new IllegalStateException("offer " + id + " is " + status);
        }
        status = OfferStatus.WITHDRAWN;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID entryId() {
        return entryId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String guestId() {
        return guestId;
    }

    public int seats() {
        return seats;
    }

    public OfferStatus status() {
        return status;
    }

    public @Nullable UUID bookingId() {
        return bookingId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
