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

    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

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
        CompletableFuture<Void> decided = waiting.remove(bookingId);
        if (decided != null) {
            decided.complete(null);
        }
    }

    /**
     * A wait for {@code bookingId}'s decision. Open it before reading the booking, so a decision
     * committed between the read and the wait is not missed; close it when done.
     */
    public Wait await(UUID bookingId) {
        return new Wait(bookingId, waiting.computeIfAbsent(bookingId, id -> new CompletableFuture<>()));
    }

    /** One request's wait; several requests for the same booking share the signal. */
    public final class Wait implements AutoCloseable {

        private final UUID bookingId;
        private final CompletableFuture<Void> decided;

        private Wait(UUID bookingId, CompletableFuture<Void> decided) {
            this.bookingId = bookingId;
            this.decided = decided;
        }

        /** Returns when the decision was announced here or after {@code pause}, whichever comes first. */
        public void pause(Duration pause) throws InterruptedException {
            try {
                decided.get(pause.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // time to look at the database: another instance may have decided
            } catch (ExecutionException e) {
                throw new IllegalStateException("a decision signal never fails", e);
            }
        }

        /** Whether the decision was announced here. */
        public boolean announced() {
            return decided.isDone();
        }

        /** Stops waiting; an announcement that nobody waits for any more is not kept. */
        @Override
        public void close() {
            waiting.remove(bookingId, decided);
        }
    }
}
