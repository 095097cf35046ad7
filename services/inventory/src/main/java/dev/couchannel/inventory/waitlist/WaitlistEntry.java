package dev.couchannel.inventory.waitlist;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A guest's place in a session's line, for a number of seats. First come, first served. */
public final class WaitlistEntry {

    private final UUID id;
    private final UUID sessionId;
    private final String guestId;
    private final int seats;
    private final Instant joinedAt;
    private EntryStatus status;
    private Instant updatedAt;

    public WaitlistEntry(
            UUID id,
            UUID sessionId,
            String guestId,
            int seats,
            EntryStatus status,
            Instant joinedAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.guestId = Objects.requireNonNull(guestId);
        if (seats < 1) {
            throw new IllegalArgumentException("a waitlist entry is for at least one seat");
        }
        this.seats = seats;
        this.status = Objects.requireNonNull(status);
        this.joinedAt = Objects.requireNonNull(joinedAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    public static WaitlistEntry join(UUID sessionId, String guestId, int seats, Instant now) {
        return new WaitlistEntry(UUID.randomUUID(), sessionId, guestId, seats, EntryStatus.WAITING, now, now);
    }

    /** Seats freed up for this guest: they get an offer valid until {@code expiresAt}. */
    public WaitlistOffer offer(Instant expiresAt, Instant now) {
        requireStatus(EntryStatus.WAITING);
        move(EntryStatus.OFFERED, now);
        return WaitlistOffer.open(this, expiresAt, now);
    }

    void booked(Instant now) {
        requireStatus(EntryStatus.OFFERED);
        move(EntryStatus.BOOKED, now);
    }

    /** The offer ran out: the guest leaves the line (joining again puts them at its end). */
    public void offerExpired(Instant now) {
        requireStatus(EntryStatus.OFFERED);
        move(EntryStatus.EXPIRED, now);
    }

    /** The guest leaves the line (withdraw any open offer first). */
    public void leave(Instant now) {
        if (!status.isActive()) {
            throw new IllegalStateException("entry " + id + " is not in line any more: " + status);
        }
        move(EntryStatus.LEFT, now);
    }

    /** The session was cancelled. */
    public void close(Instant now) {
        if (status.isActive()) {
            move(EntryStatus.CLOSED, now);
        }
    }

    private void requireStatus(EntryStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("entry " + id + " is " + status + ", not " + expected);
        }
    }

    private void move(EntryStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public UUID id() {
        return id;
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

    public EntryStatus status() {
        return status;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
