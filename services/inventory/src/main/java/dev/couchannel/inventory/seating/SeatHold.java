package dev.couchannel.inventory.seating;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Seats reserved for one booking until {@code expiresAt}; the booking id identifies it. */
public final class SeatHold {

    private final UUID bookingId;
    private final UUID sessionId;
    private final int seats;
    private final Instant expiresAt;
    private final Instant createdAt;
    private HoldStatus status;
    private @Nullable String reason;
    private Instant updatedAt;

    public SeatHold(
            UUID bookingId,
            UUID sessionId,
            int seats,
            HoldStatus status,
            @Nullable String reason,
            Instant expiresAt,
            Instant createdAt,
            Instant updatedAt) {
        this.bookingId = Objects.requireNonNull(bookingId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.seats = seats;
        this.status = Objects.requireNonNull(status);
        this.reason = reason;
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    static SeatHold held(UUID bookingId, UUID sessionId, int seats, Instant expiresAt, Instant now) {
        return new SeatHold(bookingId, sessionId, seats, HoldStatus.HELD, null, expiresAt, now, now);
    }

    static SeatHold refused(UUID bookingId, UUID sessionId, int seats, String reason, Instant now) {
        return new SeatHold(bookingId, sessionId, seats, HoldStatus.REFUSED, reason, now, now, now);
    }

    public boolean isExpiredAt(Instant now) {
        return status == HoldStatus.HELD && !now.isBefore(expiresAt);
    }

    void moveTo(HoldStatus next, @Nullable String why, Instant now) {
        this.status = next;
        this.reason = why;
        this.updatedAt = now;
    }

    public UUID bookingId() {
        return bookingId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public int seats() {
        return seats;
    }

    public HoldStatus status() {
        return status;
    }

    public @Nullable String reason() {
        return reason;
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
