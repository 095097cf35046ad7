package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.checkout.application.SagaCoordinator;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.SessionDirectory;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The use case behind {@code POST /api/bookings/{id}/cancel}: the session's refund terms are read
 * first (outside any transaction), then the booking is cancelled, its seats released and its
 * refund sent, in one transaction.
 */
@Service
public class CancelBooking {

    /** What became of the request. */
    public sealed interface Outcome {

        record Cancelled(Booking booking) implements Outcome {}

        /** Not the caller's booking, or no such booking. */
        record NotFound() implements Outcome {}

        /** Only a confirmed booking can be cancelled. */
        record NotCancellable(Booking booking) implements Outcome {}

        /** The session's refund terms could not be read; nothing changed. */
        record TermsUnavailable() implements Outcome {}
    }

    private final Bookings bookings;
    private final SessionDirectory sessions;
    private final SagaCoordinator saga;
    private final Clock clock;

    public CancelBooking(Bookings bookings, SessionDirectory sessions, SagaCoordinator saga, Clock clock) {
        this.bookings = bookings;
        this.sessions = sessions;
        this.saga = saga;
        this.clock = clock;
    }

    /**
     * @param byAdmin an admin may cancel anyone's booking (the refund rules stay the same)
     */
    public Outcome cancel(UUID bookingId, String callerId, boolean byAdmin) {
        Optional<Booking> found = bookings.find(bookingId).filter(b -> byAdmin || b.isOwnedBy(callerId));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Booking booking = found.get();
        if (booking.total() == null || booking.status() != BookingStatus.CONFIRMED) {
            return new Outcome.NotCancellable(booking);
        }
        Optional<SessionDirectory.RefundTerms> terms = sessions.refundTerms(booking.sessionId());
        if (terms.isEmpty()) {
            return new Outcome.TermsUnavailable();
        }
        String reason = byAdmin ? "cancelled by an admin" : "cancelled by the guest";
        return saga.cancel(
                        bookingId,
                        current -> terms.get()
                                .policy()
                                .refundOf(
                                        current.total(),
                                        current.createdAt(),
                                        terms.get().kickoff(),
                                        clock.instant()),
                        reason)
                .<Outcome>map(Outcome.Cancelled::new)
                .orElseGet(() ->
                        new Outcome.NotCancellable(bookings.find(bookingId).orElseThrow()));
    }
}
