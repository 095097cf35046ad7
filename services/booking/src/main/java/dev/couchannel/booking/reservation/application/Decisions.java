package dev.couchannel.booking.reservation.application;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the requests of this instance that wait for a booking's decision ({@code Prefer: wait})
 * as soon as the transaction that decided it commits, instead of letting them find out at their
 * next look at the database. A decision made by another instance wakes nobody here: a waiter still
 * looks at the database after each pause it asks for, so it only learns later.
 */
@Component
public class Decisions {

    /** The signal of one booking's decision, and how many open waits share it. */
    private static final class Signal {
        final CompletableFuture<Void> decided = new CompletableFuture<>();
        int waits; // changed only inside the map's compute, under its lock for the key
    }

    private final ConcurrentHashMap<UUID, Signal> waiting = new ConcurrentHashMap<>();

    /** Announces, in the transaction that decides {@code bookingId}, that it is decided once that commits. */
    public void decidedOnCommit(UUID bookingId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            announce(bookingId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                announce(bookingId);
            }
        });
    }

    private void announce(UUID bookingId) {
        Signal signal = waiting.remove(bookingId);
        if (signal != null) {
            signal.decided.complete(null);
        }
    }

    /**
     * A wait for {@code bookingId}'s decision. Open it before reading the booking, so a decision
     * committed between the read and the wait is not missed; close it when done.
     */
    public Wait await(UUID bookingId) {
        Signal signal = waiting.compute(bookingId, (id, shared) -> {
            Signal opened = shared == null ? new Signal() : shared;
            opened.waits++;
            return opened;
        });
        return new Wait(bookingId, signal);
    }

    /** One request's wait; several requests for the same booking share the signal. */
    public final class Wait implements AutoCloseable {

        private final UUID bookingId;
        private final Signal signal;
        private boolean closed;

        private Wait(UUID bookingId, Signal signal) {
            this.bookingId = bookingId;
            this.signal = signal;
        }

        /** Returns when the decision was announced here or after {@code pause}, whichever comes first. */
        public void pause(Duration pause) throws InterruptedException {
            try {
                signal.decided.get(pause.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // time to look at the database: another instance may have decided
            } catch (ExecutionException e) {
                throw new IllegalStateException("a decision signal never fails", e);
            }
        }

        /** Whether the decision was announced here. */
        public boolean announced() {
            return signal.decided.isDone();
        }

        /** Stops waiting; the last wait of a booking to close takes its signal along, announced or not. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            waiting.computeIfPresent(
                    bookingId, (id, shared) -> shared == signal && --shared.waits == 0 ? null : shared);
        }
    }
}
