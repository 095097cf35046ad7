package dev.couchannel.booking.reservation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A guest's request for seats of one session, and what became of it. */
public final class Booking {

    public static final int MAX_SEATS = 20;

    private final UUID id;
    private final String guestId;
    private final UUID sessionId;
    private final int seats;
    private final String paymentMethod;
    private final @Nullable UUID quoteId;
    private final @Nullable UUID waitlistOfferId;
    private final Instant createdAt;
    private final long version;
    private BookingStatus status;
    private @Nullable String reason;
    private @Nullable Money total;
    private @Nullable Money refund;
    private @Nullable CancelledBy cancelledBy;
    private @Nullable Money hostPenalty;
    private @Nullable Instant refundSettledAt;
    private @Nullable Instant refundFailedAt;
    private Instant updatedAt;

    public Booking(
            UUID id,
            String guestId,
            UUID sessionId,
            int seats,
            String paymentMethod,
            @Nullable UUID quoteId,
            @Nullable UUID waitlistOfferId,
            BookingStatus status,
            @Nullable String reason,
            @Nullable Money total,
            @Nullable Cancellation cancellation,
            @Nullable Instant refundSettledAt,
            @Nullable Instant refundFailedAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        if (seats < 1 || seats > MAX_SEATS) {
            throw new IllegalArgumentException("a booking is for 1 to " + MAX_SEATS + " seats, not " + seats);
        }
        this.id = Objects.requireNonNull(id);
        this.guestId = Objects.requireNonNull(guestId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.seats = seats;
        this.paymentMethod = Objects.requireNonNull(paymentMethod);
        this.quoteId = quoteId;
        this.waitlistOfferId = waitlistOfferId;
        this.total = total;
        if (cancellation != null) {
            this.cancelledBy = cancellation.by();
            this.refund = cancellation.refund();
            this.hostPenalty = cancellation.hostPenalty();
        }
        this.refundSettledAt = refundSettledAt;
        this.refundFailedAt = refundFailedAt;
        this.status = Objects.requireNonNull(status);
        this.reason = cancellation != null ? cancellation.reason() : reason;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.version = version;
    }

    public static Booking request(
            UUID id,
            String guestId,
            UUID sessionId,
            int seats,
            String paymentMethod,
            @Nullable UUID quoteId,
            @Nullable UUID waitlistOfferId,
            Instant now) {
        return new Booking(
                id,
                guestId,
                sessionId,
                seats,
                paymentMethod,
                quoteId,
                waitlistOfferId,
                BookingStatus.PENDING,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                0);
    }

    /** The price of the held seats, known once inventory holds them. */
    public void price(Money price, Instant now) {
        if (status == BookingStatus.PENDING) {
            total = price;
            updatedAt = now;
        }
    }

    public BookingEvent.BookingRequested requested() {
        return new BookingEvent.BookingRequested(id, sessionId, guestId, seats);
    }

    /** Confirms a pending booking; empty when it was already decided (a repeated saga outcome). */
    public Optional<BookingEvent> confirm(Instant now) {
        if (status != BookingStatus.PENDING) {
            return Optional.empty();
        }
        status = BookingStatus.CONFIRMED;
        updatedAt = now;
        return Optional.of(new BookingEvent.BookingConfirmed(id, sessionId, guestId, seats, total));
    }

    /** Rejects a pending booking with a reason the guest can read; empty when already decided. */
    public Optional<BookingEvent> reject(String why, Instant now) {
        if (status != BookingStatus.PENDING) {
            return Optional.empty();
        }
        status = BookingStatus.REJECTED;
        reason = why;
        updatedAt = now;
        return Optional.of(new BookingEvent.BookingRejected(id, sessionId, guestId, why));
    }

    /**
     * Cancels a confirmed booking on the given terms; empty when the booking is not confirmed
     * (pending, rejected or already cancelled). The seats and the refund follow through the
     * cancellation saga; {@link #settleRefund} marks its end.
     */
    public Optional<BookingEvent> cancel(Cancellation cancellation, Instant now) {
        if (status != BookingStatus.CONFIRMED) {
            return Optional.empty();
        }
        status = BookingStatus.CANCELLED;
        cancelledBy = cancellation.by();
        refund = cancellation.refund();
        hostPenalty = cancellation.hostPenalty();
        reason = cancellation.reason();
        updatedAt = now;
        return Optional.of(new BookingEvent.BookingCancelled(id, sessionId, guestId, seats, cancellation));
    }

    /** The seats are back and the refund is paid: the cancellation is complete. */
    public void settleRefund(Instant now) {
        if (status == BookingStatus.CANCELLED && refundSettledAt == null && refundFailedAt == null) {
            refundSettledAt = now;
            updatedAt = now;
        }
    }

    /**
     * The payment provider refused the refund for good: nothing was given back, and the booking
     * says so. Of a cancelled booking, also once its refund was settled (the provider failed it after
     * accepting it); of a rejected booking, the full refund of a payment captured before the booking
     * saga gave up. A refund failed before stays as it was; other bookings have no refund.
     */
    public void failRefund(Instant now) {
        if ((status == BookingStatus.CANCELLED || status == BookingStatus.REJECTED) && refundFailedAt == null) {
            refundSettledAt = null;
            refundFailedAt = now;
            updatedAt = now;
        }
    }

    /**
     * An operator gave back another way (a bank transfer) the money of the refund the provider refused:
     * the refund is settled. Only a failed refund is.
     */
    public void settleFailedRefund(Instant now) {
        if (refundFailedAt != null) {
            refundFailedAt = null;
            refundSettledAt = now;
            updatedAt = now;
        }
    }

    /**
     * Where the money of a cancelled booking stands; of a rejected booking, FAILED when its captured payment
     * could not be given back (SETTLED once an operator gave it back by hand); empty otherwise.
     */
    public Optional<RefundStatus> refundStatus() {
        if (status == BookingStatus.REJECTED) {
            if (refundFailedAt != null) {
                return Optional.of(RefundStatus.FAILED);
            }
            return refundSettledAt != null ? Optional.of(RefundStatus.SETTLED) : Optional.empty();
        }
        if (status != BookingStatus.CANCELLED) {
            return Optional.empty();
        }
        if (refundFailedAt != null) {
            return Optional.of(RefundStatus.FAILED);
        }
        return Optional.of(refundSettledAt != null ? RefundStatus.SETTLED : RefundStatus.PENDING);
    }

    /** Where the money of a cancelled booking stands. */
    public enum RefundStatus {
        /** The seats or the refund are still on their way. */
        PENDING,
        /** The seats are back and the refund is paid. */
        SETTLED,
        /** The payment provider refused the refund for good; nothing was given back. */
        FAILED
    }

    /** The terms this booking was cancelled on; empty unless it is cancelled. */
    public Optional<Cancellation> cancellation() {
        if (cancelledBy == null || refund == null || hostPenalty == null || reason == null) {
            return Optional.empty();
        }
        return Optional.of(new Cancellation(cancelledBy, refund, hostPenalty, reason));
    }

    public @Nullable Instant refundSettledAt() {
        return refundSettledAt;
    }

    public @Nullable Instant refundFailedAt() {
        return refundFailedAt;
    }

    public @Nullable Money refund() {
        return refund;
    }

    public boolean isOwnedBy(String guest) {
        return guestId.equals(guest);
    }

    public UUID id() {
        return id;
    }

    public String guestId() {
        return guestId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public int seats() {
        return seats;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public @Nullable UUID quoteId() {
        return quoteId;
    }

    /** The waitlist offer this booking accepts, if it does. */
    public @Nullable UUID waitlistOfferId() {
        return waitlistOfferId;
    }

    public @Nullable Money total() {
        return total;
    }

    public BookingStatus status() {
        return status;
    }

    public @Nullable String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
