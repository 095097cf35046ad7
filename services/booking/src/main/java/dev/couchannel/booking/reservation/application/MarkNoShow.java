package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.NoShow;
import dev.couchannel.booking.reservation.NoShows;
import dev.couchannel.booking.reservation.SessionDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use case behind {@code POST /api/bookings/{id}/no-show} (ADR 20). Booking knows the booking
 * and its guest; inventory knows who hosts the session and when it kicks off, asked once, outside
 * the transaction. Then, in one transaction: the booking locked (a cancellation racing the mark
 * waits), the rule applied, the record added and {@code GuestNoShow} queued in the outbox. A second
 * mark finds the first record and answers it, publishing nothing.
 */
@Service
public class MarkNoShow {

    /** What became of the request. */
    public sealed interface Outcome {

        /** Recorded now ({@code fresh}) or already before. */
        record Recorded(NoShow noShow, boolean fresh) implements Outcome {}

        /** No such booking, or the caller does not host its session. */
        record NotFound() implements Outcome {}

        record Refused(NoShow.Decision decision) implements Outcome {}

        /** Inventory could not say who hosts the session; nothing changed. */
        record HostUnknown() implements Outcome {}
    }

    private final Bookings bookings;
    private final NoShows noShows;
    private final SessionDirectory sessions;
    private final BookingEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MarkNoShow(
            Bookings bookings,
            NoShows noShows,
            SessionDirectory sessions,
            BookingEvents events,
            TransactionTemplate transactions,
            Clock clock) {
        this.bookings = bookings;
        this.noShows = noShows;
        this.sessions = sessions;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome mark(UUID bookingId, String callerId) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        SessionDirectory.Hosting hosting = sessions.hosting(found.get().sessionId());
        return switch (hosting) {
            case SessionDirectory.Hosting.Unreachable unreachable -> new Outcome.HostUnknown();
            case SessionDirectory.Hosting.Unknown unknown -> new Outcome.NotFound();
            case SessionDirectory.Hosting.Known known
            when !known.hostId().equals(callerId) ->
                // someone else's guests are none of the caller's business: as if the booking did not exist
                new Outcome.NotFound();
            case SessionDirectory.Hosting.Known known -> transactions.execute(tx -> record(bookingId, known));
        };
    }

    private Outcome record(UUID bookingId, SessionDirectory.Hosting.Known host) {
        Booking booking = bookings.lock(bookingId).orElseThrow();
        Optional<NoShow> earlier = noShows.of(bookingId);
        if (earlier.isPresent()) {
            return new Outcome.Recorded(earlier.get(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return switch (NoShow.decide(booking, host.hostId(), host.kickoff(), now)) {
            case NoShow.Decision.Marked marked -> {
                noShows.add(marked.noShow());
                events.publishNoShow(marked.noShow());
                yield new Outcome.Recorded(marked.noShow(), true);
            }
            case NoShow.Decision refused -> new Outcome.Refused(refused);
        };
    }
}
