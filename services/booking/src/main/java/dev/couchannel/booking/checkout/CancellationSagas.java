package dev.couchannel.booking.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persisted cancellation sagas (port). */
public interface CancellationSagas {

    void add(CancellationSaga saga);

    /** Loads a cancellation for a change; replies and deadlines of one never interleave. */
    Optional<CancellationSaga> lock(UUID bookingId);

    Optional<CancellationSaga> find(UUID bookingId);

    void save(CancellationSaga saga);

    /** Up to {@code limit} running cancellations past their deadline, locked, skipping busy ones. */
    List<CancellationSaga> lockOverdue(Instant now, int limit);
}
