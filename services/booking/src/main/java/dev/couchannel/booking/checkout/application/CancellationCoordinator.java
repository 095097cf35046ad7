package dev.couchannel.booking.checkout.application;

import dev.couchannel.booking.checkout.CancellationSaga;
import dev.couchannel.booking.checkout.CancellationSagas;
import dev.couchannel.booking.checkout.SagaAction;
import dev.couchannel.booking.checkout.SagaReply;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingEvent;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Cancellation;
import dev.couchannel.booking.reservation.CancelledSessions.SessionCancellation;
import dev.couchannel.booking.reservation.application.BookingEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels confirmed bookings and runs their {@link CancellationSaga}s: the booking becomes
 * CANCELLED, its event is published and the seats and refund commands are queued, all in one
 * transaction; the saga then asks again until inventory and payment have confirmed.
 */
@Service
public class CancellationCoordinator {

    private static final Logger log = LoggerFactory.getLogger(CancellationCoordinator.class);

    private final CancellationSagas sagas;
    private final Bookings bookings;
    private final BookingEvents events;
    private final SagaActions actions;
    private final Clock clock;
    private final Duration stepTimeout;
    private final BigDecimal hostPenaltyRate;

    CancellationCoordinator(
            CancellationSagas sagas,
            Bookings bookings,
            BookingEvents events,
            SagaActions actions,
            Clock clock,
            @Value("${couchannel.saga.step-timeout:30s}") Duration stepTimeout,
            @Value("${couchannel.cancellation.host-penalty-rate:0.20}") BigDecimal hostPenaltyRate) {
        this.sagas = sagas;
        this.bookings = bookings;
        this.events = events;
        this.actions = actions;
        this.clock = clock;
        this.stepTimeout = stepTimeout;
        this.hostPenaltyRate = hostPenaltyRate;
    }

    /**
     * Cancels a confirmed booking on the terms {@code termsOf} gives for it (read under the
     * booking's lock).
     *
     * @return the cancelled booking; empty when it was not confirmed
     */
    @Transactional
    public Optional<Booking> cancel(UUID bookingId, Function<Booking, Cancellation> termsOf) {
        Booking booking = bookings.lock(bookingId).orElseThrow();
        return cancel(booking, termsOf.apply(booking));
    }

    /** Cancels a booking the caller has locked; empty when it was not confirmed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Booking> cancel(Booking locked, Cancellation terms) {
        Instant now = clock.instant();
        Optional<BookingEvent> cancelled = locked.cancel(terms, now);
        if (cancelled.isEmpty()) {
            return Optional.empty();
        }
        bookings.save(locked);
        events.publish(cancelled.get());
        CancellationSaga.Started started = CancellationSaga.start(
                new CancellationSaga.Order(
                        locked.id(), locked.sessionId(), terms.refund(), terms.hostPenalty(), terms.reason()),
                now,
                stepTimeout);
        sagas.add(started.saga());
        actions.carryOut(started.actions());
        return Optional.of(locked);
    }

    /**
     * Cancels a booking the caller has locked because its whole session is off: a full refund, and
     * the host's penalty unless it was force majeure. Empty when it was not confirmed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Booking> cancelWithItsSession(Booking locked, SessionCancellation off) {
        return cancel(locked, Cancellation.ofSession(locked, off.by(), hostPenaltyRate, off.reason()));
    }

    boolean exists(UUID bookingId) {
        return sagas.find(bookingId).isPresent();
    }

    boolean isRunning(UUID bookingId) {
        return sagas.find(bookingId)
                .filter(saga -> saga.state() == CancellationSaga.State.RUNNING)
                .isPresent();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void onReply(UUID bookingId, SagaReply reply) {
        Optional<CancellationSaga> found = sagas.lock(bookingId);
        if (found.isEmpty()) {
            log.warn("reply {} for booking {} that has no cancellation ignored", reply, bookingId);
            return;
        }
        CancellationSaga saga = found.get();
        List<SagaAction> next = saga.on(reply, clock.instant());
        sagas.save(saga);
        actions.carryOut(next);
    }

    /**
     * Asks again whoever has not confirmed a cancellation in time.
     *
     * @return how many cancellations were overdue
     */
    @Transactional
    public int handleDeadlines(int limit) {
        Instant now = clock.instant();
        List<CancellationSaga> overdue = sagas.lockOverdue(now, limit);
        for (CancellationSaga saga : overdue) {
            List<SagaAction> next = saga.onDeadline(now, stepTimeout);
            log.warn(
                    "cancellation of booking {}: {} not confirmed, asking again (attempt {})",
                    saga.bookingId(),
                    saga.pending(),
                    saga.attempts());
            sagas.save(saga);
            actions.carryOut(next);
        }
        return overdue.size();
    }
}
