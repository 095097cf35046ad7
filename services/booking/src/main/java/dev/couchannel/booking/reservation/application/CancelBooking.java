package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.checkout.application.CancellationCoordinator;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Cancellation;
import dev.couchannel.booking.reservation.SessionDirectory;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use case behind {@code POST /api/bookings/{id}/cancel}. A guest gets back what the
 * session's refund policy gives (its terms read first, outside any transaction); an admin
 * cancelling one booking refunds it in full. The booking is cancelled and its cancellation saga
 * started in one transaction.
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
    private final CancellationCoordinator cancellations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CancelBooking(
            Bookings bookings,
            SessionDirectory sessions,
            CancellationCoordinator cancellations,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.bookings = bookings;
        this.sessions = sessions;
        this.cancellations = cancellations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param byAdmin an admin may cancel anyone's booking, with a full refund */
    public Outcome cancel(UUID bookingId, String callerId, boolean byAdmin) {
        Optional<Booking> found = bookings.find(bookingId).filter(b -> byAdmin || b.isOwnedBy(callerId));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Booking booking = found.get();
        if (booking.total() == null || booking.status() != BookingStatus.CONFIRMED) {
            return new Outcome.NotCancellable(booking);
        }
        Function<Booking, Cancellation> terms;
        if (byAdmin) {
            terms = Cancellation::byAdmin;
        } else {
            Optional<SessionDirectory.RefundTerms> refundTerms = sessions.refundTerms(booking.sessionId());
            if (refundTerms.isEmpty()) {
                return new Outcome.TermsUnavailable();
            }
            terms = current -> Cancellation.byGuest(
                    current, refundTerms.get().policy(), refundTerms.get().kickoff(), clock.instant());
        }
        Function<Booking, Cancellation> decided = terms;
        Optional<Booking> cancelled = transactions.execute(status -> {
            Optional<Booking> done = cancellations.cancel(bookingId, decided);
            if (byAdmin) {
                done.ifPresent(it -> audit.record(
                        "booking.cancelled-by-admin",
                        callerId,
                        "booking:" + it.id(),
                        Map.of("guest", it.guestId(), "session", it.sessionId().toString())));
            }
            return done;
        });
        return cancelled
                .<Outcome>map(Outcome.Cancelled::new)
                .orElseGet(() ->
                        new Outcome.NotCancellable(bookings.find(bookingId).orElseThrow()));
    }
}
