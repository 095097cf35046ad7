package dev.couchannel.inventory.seating;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Who cancelled a session, why, and when; recorded once, with the cancellation. */
public record SessionCancellation(
        UUID sessionId, CancellationCause cause, String reason, String cancelledBy, Instant at) {

    public SessionCancellation {
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(cause);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(cancelledBy);
        Objects.requireNonNull(at);
    }
}
