package dev.couchannel.booking.checkout.application;

import dev.couchannel.booking.checkout.BookingSaga;
import dev.couchannel.booking.checkout.BookingSagas;
import dev.couchannel.booking.checkout.SagaAction;
import dev.couchannel.booking.checkout.SagaReply;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.CancelledSessions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs {@link BookingSaga}s: persists their state and carries out their actions (commands through
 * the outbox, booking decisions) in the transaction that received the reply or noticed the
 * deadline. Nothing is sent unless the new saga state commits with it.
 */
@Service
public class SagaCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);

    private final BookingSagas sagas;
    private final Bookings bookings;
    private final SagaActions actions;
    private final CancellationCoordinator cancellations;
    private final CancelledSessions cancelledSessions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final BookingSaga.Timeouts timeouts;

    SagaCoordinator(
            BookingSagas sagas,
            Bookings bookings,
            SagaActions actions,
            CancellationCoordinator cancellations,
            CancelledSessions cancelledSessions,
            Clock clock,
            MeterRegistry meters,
            @Value("${couchannel.saga.step-timeout:30s}") Duration stepTimeout,
            @Value("${couchannel.saga.hold-duration:10m}") Duration holdDuration) {
        this.sagas = sagas;
        this.bookings = bookings;
        this.actions = actions;
        this.cancellations = cancellations;
        this.cancelledSessions = cancelledSessions;
        this.clock = clock;
        this.meters = meters;
        this.timeouts = new BookingSaga.Timeouts(stepTimeout, holdDuration);
    }

    /** Starts the saga of a new booking, in the transaction that stores the booking. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(Booking booking) {
        BookingSaga.Started started = BookingSaga.start(
                new BookingSaga.Order(
                        booking.id(),
                        booking.sessionId(),
                        booking.seats(),
                        booking.guestId(),
                        booking.paymentMethod(),
                        booking.quoteId(),
                        booking.waitlistOfferId()),
                clock.instant(),
                timeouts);
        sagas.add(started.saga());
        actions.carryOut(started.actions());
    }

    /** Applies a participant's reply, in the inbox transaction that received it ({@link SagaReply#route}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onReply(UUID bookingId, SagaReply reply) {
        switch (SagaReply.route(
                reply, () -> cancellations.exists(bookingId), () -> cancellations.isRunning(bookingId))) {
            case SETTLE_FAILED_REFUND -> {
                // after both sagas: an operator gave the money back by hand, and the booking says so
                String reference = ((SagaReply.PaymentRefundResolved) reply).reference();
                actions.carryOut(List.of(new SagaAction.SettleFailedRefund(bookingId, reference)));
                return;
            }
            case CANCELLATION -> {
                cancellations.onReply(bookingId, reply);
                return;
            }
            case BOOKING -> {}
        }
        BookingSaga saga = sagas.lock(bookingId).orElse(null);
        if (saga == null) {
            log.warn("reply {} for unknown booking {} ignored", reply, bookingId);
            return;
        }
        Instant now = clock.instant();
        BookingSaga.Step before = saga.step();
        Instant stepStart = saga.stepStartedAt();
        List<SagaAction> next = saga.on(reply, now, timeouts);
        if (saga.step() != before) {
            stepTimer(before, reply.getClass().getSimpleName()).record(Duration.between(stepStart, now));
        }
        sagas.save(saga);
        actions.carryOut(next);
        if (saga.state() == BookingSaga.State.COMPLETED && before != BookingSaga.Step.DONE) {
            cancelIfTheSessionIsOff(saga);
        }
    }

    /** The session was cancelled while this booking was being made: it is cancelled as soon as it confirms. */
    private void cancelIfTheSessionIsOff(BookingSaga saga) {
        cancelledSessions
                .find(saga.sessionId())
                .ifPresent(off -> cancellations.cancelWithItsSession(
                        bookings.lock(saga.bookingId()).orElseThrow(), off));
    }

    /**
     * Compensates or retries the steps that ran past their deadline.
     *
     * @return how many sagas were overdue
     */
    @Transactional
    public int handleDeadlines(int limit) {
        Instant now = clock.instant();
        List<BookingSaga> overdue = sagas.lockOverdue(now, limit);
        for (BookingSaga saga : overdue) {
            BookingSaga.Step before = saga.step();
            Instant stepStart = saga.stepStartedAt();
            List<SagaAction> next = saga.onDeadline(now, timeouts);
            if (saga.step() != before) {
                stepTimer(before, "Timeout").record(Duration.between(stepStart, now));
                log.warn("booking {}: step {} timed out, compensating", saga.bookingId(), before);
            }
            sagas.save(saga);
            actions.carryOut(next);
        }
        return overdue.size();
    }

    private Timer stepTimer(BookingSaga.Step step, String outcome) {
        return Timer.builder("couchannel.saga.step")
                .description("time a booking saga step took, by step and outcome")
                .tag("step", step.name())
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }
}
