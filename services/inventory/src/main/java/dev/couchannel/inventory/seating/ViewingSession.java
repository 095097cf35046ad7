package dev.couchannel.inventory.seating;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A venue showing a fixture, with its seats. All seat moves go through here so that the
 * invariant of {@link Seats} holds for every session, whatever order commands arrive in.
 */
public final class ViewingSession {

    /** More seats than this in one booking are refused (against scalping; a session is a living room). */
    public static final int MAX_SEATS_PER_BOOKING = 20;

    /** What a guest reads about a hold or sale on a cancelled session. */
    public static final String CANCELLED_REASON = "This session has been cancelled.";

    private final UUID id;
    private final UUID fixtureId;
    private final UUID venueId;
    private final String hostId;
    private final Money pricePerSeat;
    private final RefundPolicy refundPolicy;
    private final String description;
    private final long version;
    private SessionStatus status;
    private Seats seats;

    public ViewingSession(
            UUID id,
            UUID fixtureId,
            UUID venueId,
            String hostId,
            SessionStatus status,
            Seats seats,
            Money pricePerSeat,
            RefundPolicy refundPolicy,
            String description,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.fixtureId = Objects.requireNonNull(fixtureId);
        this.venueId = Objects.requireNonNull(venueId);
        this.hostId = Objects.requireNonNull(hostId);
        this.status = Objects.requireNonNull(status);
        this.seats = Objects.requireNonNull(seats);
        this.pricePerSeat = Objects.requireNonNull(pricePerSeat);
        this.refundPolicy = Objects.requireNonNull(refundPolicy);
        this.description = Objects.requireNonNull(description);
        this.version = version;
    }

    /** A published session with every seat free. */
    public static ViewingSession publish(
            UUID id,
            UUID fixtureId,
            UUID venueId,
            String hostId,
            int capacity,
            Money pricePerSeat,
            RefundPolicy refundPolicy,
            String description) {
        return new ViewingSession(
                id,
                fixtureId,
                venueId,
                hostId,
                SessionStatus.PUBLISHED,
                Seats.empty(capacity),
                pricePerSeat,
                refundPolicy,
                description,
                0);
    }

    /** A session a host is still preparing: every seat free, not open for booking until published. */
    public static ViewingSession draft(
            UUID id,
            UUID fixtureId,
            UUID venueId,
            String hostId,
            int capacity,
            Money pricePerSeat,
            RefundPolicy refundPolicy,
            String description) {
        return new ViewingSession(
                id,
                fixtureId,
                venueId,
                hostId,
                SessionStatus.DRAFT,
                Seats.empty(capacity),
                pricePerSeat,
                refundPolicy,
                description,
                0);
    }

    public boolean isHostedBy(String userId) {
        return hostId.equals(userId);
    }

    /** Opens a draft for booking (after it passed the broadcasting rules). Publishing twice changes nothing. */
    public LifecycleDecision publish() {
        return switch (status) {
            case DRAFT -> {
                status = SessionStatus.PUBLISHED;
                yield new LifecycleDecision.Changed(SessionStatus.DRAFT, SessionStatus.PUBLISHED);
            }
            case PUBLISHED -> new LifecycleDecision.Unchanged(status);
            case CANCELLED -> new LifecycleDecision.Refused("A cancelled session cannot be published again.");
        };
    }

    /**
     * Closes the session for good: no new holds, no sale of seats still held. Seats already sold stay
     * sold until each booking gives them back (its cancellation releases them). Cancelling twice
     * changes nothing.
     */
    public LifecycleDecision cancel() {
        if (status == SessionStatus.CANCELLED) {
            return new LifecycleDecision.Unchanged(status);
        }
        SessionStatus from = status;
        status = SessionStatus.CANCELLED;
        return new LifecycleDecision.Changed(from, SessionStatus.CANCELLED);
    }

    /**
     * Holds seats for a waitlist offer (no booking yet): they count as held, so nobody else books
     * them while the guest decides. False when the session is not open or the seats are not free.
     */
    public boolean holdForOffer(int count) {
        if (status != SessionStatus.PUBLISHED || !seats.canHold(count)) {
            return false;
        }
        seats = seats.hold(count);
        return true;
    }

    /** Gives the seats of a waitlist offer that ran out or was withdrawn back to free. */
    public void releaseOfferSeats(int count) {
        seats = seats.releaseHeld(count);
    }

    /**
     * Turns the seats held for an accepted waitlist offer into the booking's hold, without moving
     * seats: they are held already.
     */
    public SeatDecision holdFromOffer(UUID bookingId, int count, Instant expiresAt, Instant now) {
        if (count < 1 || count > seats.held()) {
            throw new IllegalArgumentException("an offer of " + count + " seats is not held in " + seats);
        }
        return new SeatDecision.Held(SeatHold.held(bookingId, id, count, expiresAt, now));
    }

    /** Refuses a booking's hold with a reason a guest can read, moving nothing. */
    public SeatDecision refuse(UUID bookingId, int count, String reason, Instant now) {
        return new SeatDecision.Refused(SeatHold.refused(bookingId, id, Math.max(count, 1), reason, now), reason);
    }

    /** Holds seats for a booking until {@code expiresAt}, or refuses with a reason a guest can read. */
    public SeatDecision hold(UUID bookingId, int count, Instant expiresAt, Instant now) {
        String refusal = refusalFor(count);
        if (refusal != null) {
            return new SeatDecision.Refused(SeatHold.refused(bookingId, id, Math.max(count, 1), refusal, now), refusal);
        }
        seats = seats.hold(count);
        return new SeatDecision.Held(SeatHold.held(bookingId, id, count, expiresAt, now));
    }

    private String refusalFor(int count) {
        if (status == SessionStatus.CANCELLED) {
            return CANCELLED_REASON;
        }
        if (status != SessionStatus.PUBLISHED) {
            return "This session is not open for booking.";
        }
        if (count < 1 || count > MAX_SEATS_PER_BOOKING) {
            return "A booking is for 1 to " + MAX_SEATS_PER_BOOKING + " seats.";
        }
        if (!seats.canHold(count)) {
            return seats.free() == 0
                    ? "This session is sold out."
                    : "Only " + seats.free() + (seats.free() == 1 ? " seat is" : " seats are") + " left.";
        }
        return null;
    }

    /** Sells a booking's held seats, unless the hold ran out or was given back. */
    public SeatDecision sell(SeatHold hold, Instant now) {
        requireOwn(hold);
        return switch (hold.status()) {
            case SOLD -> new SeatDecision.Sold(hold);
            case HELD -> {
                if (status == SessionStatus.CANCELLED) {
                    seats = seats.releaseHeld(hold.seats());
                    hold.moveTo(HoldStatus.RELEASED, CANCELLED_REASON, now);
                    yield new SeatDecision.NotSold(hold, CANCELLED_REASON);
                }
                if (hold.isExpiredAt(now)) {
                    expire(hold, now);
                    yield new SeatDecision.NotSold(hold, "The seat reservation expired before payment completed.");
                }
                seats = seats.sellHeld(hold.seats());
                hold.moveTo(HoldStatus.SOLD, null, now);
                yield new SeatDecision.Sold(hold);
            }
            case EXPIRED -> new SeatDecision.NotSold(hold, "The seat reservation expired before payment completed.");
            case RELEASED, REFUSED -> new SeatDecision.NotSold(hold, "The seats were not reserved for this booking.");
        };
    }

    /** Gives a booking's seats back, held or sold. Releasing twice frees nothing the second time. */
    public SeatDecision release(SeatHold hold, String why, Instant now) {
        requireOwn(hold);
        int freed =
                switch (hold.status()) {
                    case HELD -> {
                        seats = seats.releaseHeld(hold.seats());
                        yield hold.seats();
                    }
                    case SOLD -> {
                        seats = seats.releaseSold(hold.seats());
                        yield hold.seats();
                    }
                    case RELEASED, EXPIRED, REFUSED -> 0;
                };
        if (freed > 0) {
            hold.moveTo(HoldStatus.RELEASED, why, now);
        }
        return new SeatDecision.Released(hold, freed);
    }

    /** Frees the seats of a hold that ran out; true when seats were freed. */
    public boolean expire(SeatHold hold, Instant now) {
        requireOwn(hold);
        if (hold.status() != HoldStatus.HELD) {
            return false;
        }
        seats = seats.releaseHeld(hold.seats());
        hold.moveTo(HoldStatus.EXPIRED, "hold expired", now);
        return true;
    }

    private void requireOwn(SeatHold hold) {
        if (!hold.sessionId().equals(id)) {
            throw new IllegalArgumentException("hold " + hold.bookingId() + " belongs to another session");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID fixtureId() {
        return fixtureId;
    }

    public UUID venueId() {
        return venueId;
    }

    public String hostId() {
        return hostId;
    }

    public SessionStatus status() {
        return status;
    }

    public Seats seats() {
        return seats;
    }

    public Money pricePerSeat() {
        return pricePerSeat;
    }

    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    public String description() {
        return description;
    }

    public long version() {
        return version;
    }
}
