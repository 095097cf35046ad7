package dev.couchannel.inventory.seating.application;

import dev.couchannel.inventory.seating.CancellationCause;
import dev.couchannel.inventory.seating.LifecycleDecision;
import dev.couchannel.inventory.seating.SeatDecision;
import dev.couchannel.inventory.seating.SeatHold;
import dev.couchannel.inventory.seating.SeatHolds;
import dev.couchannel.inventory.seating.SeatOffers;
import dev.couchannel.inventory.seating.SessionCancellation;
import dev.couchannel.inventory.seating.SessionCancellations;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels a session, in one transaction: the session closes, every seat still HELD for a booking in
 * flight goes back (so seats sold + held + free still add up), and {@code SessionCancelled} tells
 * booking to cancel and refund every booking of it. Sold seats stay sold until booking releases
 * them booking by booking. Cancelling again answers the session as it is, without a new event.
 */
@Service
public class CancelSession {

    private static final Logger log = LoggerFactory.getLogger(CancelSession.class);
    private static final int ATTEMPTS = 3;

    private final Sessions sessions;
    private final SeatHolds holds;
    private final SessionCancellations cancellations;
    private final SessionEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SeatOffers offers;

    CancelSession(
            Sessions sessions,
            SeatHolds holds,
            SessionCancellations cancellations,
            SessionEvents events,
            TransactionTemplate transactions,
            Clock clock,
            SeatOffers offers) {
        this.offers = offers;
        this.sessions = sessions;
        this.holds = holds;
        this.cancellations = cancellations;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public sealed interface Outcome {

        /** Cancelled now; {@code holdsReleased} bookings in flight lost their held seats. */
        record Cancelled(ViewingSession session, SessionCancellation cancellation, int holdsReleased)
                implements Outcome {}

        /** It was cancelled before; nothing changed. */
        record AlreadyCancelled(ViewingSession session, Optional<SessionCancellation> cancellation)
                implements Outcome {}

        /** No such session, or a draft of another host. */
        record NotFound() implements Outcome {}

        /** Another host's session, and the caller is no admin. */
        record NotYours() implements Outcome {}
    }

    /**
     * @param byAdmin an admin may cancel any session (cause {@code CANCELLED_BY_ADMIN} unless it is
     *     their own)
     */
    public Outcome cancel(UUID sessionId, String callerId, boolean byAdmin, String reason) {
        return retryingDeadlocks(() -> transactions.execute(status -> {
            Optional<ViewingSession> found = sessions.lock(sessionId);
            if (found.isEmpty()) {
                return new Outcome.NotFound();
            }
            ViewingSession session = found.get();
            CancellationCause cause;
            if (session.isHostedBy(callerId)) {
                cause = CancellationCause.CANCELLED_BY_HOST;
            } else if (byAdmin) {
                cause = CancellationCause.CANCELLED_BY_ADMIN;
            } else {
                return session.status() == SessionStatus.DRAFT ? new Outcome.NotFound() : new Outcome.NotYours();
            }
            return cancelLocked(session, cause, reason, callerId);
        }));
    }

    /** Cancels a session already locked in the caller's transaction. */
    Outcome cancelLocked(ViewingSession session, CancellationCause cause, String reason, String callerId) {
        if (!(session.cancel() instanceof LifecycleDecision.Changed)) {
            return new Outcome.AlreadyCancelled(session, cancellations.find(session.id()));
        }
        Instant now = clock.instant();
        int released = 0;
        for (SeatHold hold : holds.lockHeldOf(session.id())) {
            if (session.release(hold, ViewingSession.CANCELLED_REASON, now) instanceof SeatDecision.Released freed
                    && freed.seatsFreed() > 0) {
                holds.save(hold);
                released++;
            }
        }
        offers.sessionCancelled(session, now);
        sessions.save(session);
        SessionCancellation cancellation = new SessionCancellation(session.id(), cause, reason, callerId, now);
        cancellations.add(cancellation);
        events.cancelled(session, cancellation);
        events.availabilityChanged(session, now);
        log.info("session {} cancelled ({}), {} holds released", session.id(), cause, released);
        return new Outcome.Cancelled(session, cancellation, released);
    }

    /**
     * A cancellation locks the session, then its holds; a seat command locks a hold, then its
     * session. PostgreSQL breaks such a rare deadlock by failing one side: the seat command is
     * redelivered, the cancellation runs again here.
     */
    <T> T retryingDeadlocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "cancellation met a concurrent seat move ({}), try {} of {}",
                        e.getMessage(),
                        attempt,
                        ATTEMPTS);
            }
        }
    }
}
