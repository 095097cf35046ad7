package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.checkout.application.CancellationCoordinator;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.CancelledSessions;
import dev.couchannel.booking.reservation.CancelledSessions.SessionCancellation;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session was cancelled (by its host, an admin, or because the fixture was postponed): every
 * confirmed booking of it is cancelled with a full refund, and the host pays a penalty unless it
 * was force majeure. Bookings still in their saga are caught when they confirm ({@link
 * CancelledSessions}); the seats of those that never confirm come back with their saga's
 * compensations.
 */
@Service
public class CancelSessionBookings {

    private static final Logger log = LoggerFactory.getLogger(CancelSessionBookings.class);

    private final CancelledSessions cancelledSessions;
    private final Bookings bookings;
    private final CancellationCoordinator cancellations;
    private final Clock clock;

    CancelSessionBookings(
            CancelledSessions cancelledSessions,
            Bookings bookings,
            CancellationCoordinator cancellations,
            Clock clock) {
        this.cancelledSessions = cancelledSessions;
        this.bookings = bookings;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /**
     * In the inbox transaction of the {@code SessionCancelled} event. The session is recorded
     * first and every booking of it then locked, so a booking confirming at the same moment is
     * either seen here as CONFIRMED or sees the cancelled session when it confirms.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int on(SessionCancellation cancellation) {
        if (!cancelledSessions.add(cancellation, clock.instant())) {
            return 0;
        }
        int cancelled = 0;
        for (Booking booking : bookings.lockOfSession(cancellation.sessionId())) {
            if (booking.status() == BookingStatus.CONFIRMED) {
                cancellations.cancelWithItsSession(booking, cancellation);
                cancelled++;
            }
        }
        log.info(
                "session {} cancelled ({}): {} bookings cancelled",
                cancellation.sessionId(),
                cancellation.by(),
                cancelled);
        return cancelled;
    }
}
