package dev.couchannel.booking.reservation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The sessions inventory cancelled, as far as booking has heard (port). */
public interface CancelledSessions {

    /** A whole session called off, and by whom: {@code HOST}, {@code ADMIN} or {@code FIXTURE_POSTPONED}. */
    record SessionCancellation(UUID sessionId, CancelledBy by, String reason) {}

    /** Records a cancellation; false when the session was already known to be cancelled. */
    boolean add(SessionCancellation cancellation, Instant at);

    Optional<SessionCancellation> find(UUID sessionId);
}
