package dev.couchannel.booking.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persisted saga state (port). */
public interface BookingSagas {

    void add(BookingSaga saga);

    /** Loads a saga for a change; replies and deadlines of one saga never interleave. */
    Optional<BookingSaga> lock(UUID bookingId);

    void save(BookingSaga saga);

    /** Up to {@code limit} running or compensating sagas past their deadline, locked, skipping busy ones. */
    List<BookingSaga> lockOverdue(Instant now, int limit);
}
