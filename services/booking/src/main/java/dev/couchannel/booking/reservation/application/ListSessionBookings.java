package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.NoShow;
import dev.couchannel.booking.reservation.NoShows;
import dev.couchannel.booking.reservation.SessionDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The use case behind {@code GET /api/sessions/{id}/bookings}: a session's bookings for its host (or an admin),
 * with the no-shows recorded. Who hosts the session is asked of inventory, as for a no-show; to anyone else the
 * session's bookings do not exist.
 */
@Service
public class ListSessionBookings {

    /** At most this many bookings of one session are listed (a session has far fewer seats). */
    public static final int LIMIT = 500;

    /** What the caller gets to see. */
    public sealed interface Outcome {

        record Listed(UUID sessionId, Instant kickoff, List<Entry> bookings) implements Outcome {}

        /** No such session, or the caller neither hosts it nor is an admin. */
        record NotFound() implements Outcome {}

        /** Inventory could not say who hosts the session. */
        record HostUnknown() implements Outcome {}
    }

    /** One booking with its no-show, if one was recorded. */
    public record Entry(Booking booking, @Nullable NoShow noShow) {}

    private final Bookings bookings;
    private final NoShows noShows;
    private final SessionDirectory sessions;

    public ListSessionBookings(Bookings bookings, NoShows noShows, SessionDirectory sessions) {
        this.bookings = bookings;
        this.noShows = noShows;
        this.sessions = sessions;
    }

    public Outcome list(UUID sessionId, String callerId, boolean admin) {
        return switch (sessions.hosting(sessionId)) {
            case SessionDirectory.Hosting.Unreachable unreachable -> new Outcome.HostUnknown();
            case SessionDirectory.Hosting.Unknown unknown -> new Outcome.NotFound();
            case SessionDirectory.Hosting.Known known
            when !admin && !known.hostId().equals(callerId) -> new Outcome.NotFound();
            case SessionDirectory.Hosting.Known known -> {
                Map<UUID, NoShow> marked = noShows.ofSession(sessionId).stream()
                        .collect(Collectors.toMap(NoShow::bookingId, Function.identity()));
                List<Entry> entries = bookings.ofSession(sessionId, LIMIT).stream()
                        .map(booking -> new Entry(booking, marked.get(booking.id())))
                        .toList();
                yield new Outcome.Listed(sessionId, known.kickoff(), entries);
            }
        };
    }
}
