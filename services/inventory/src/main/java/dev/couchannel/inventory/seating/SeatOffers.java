package dev.couchannel.inventory.seating;

import java.time.Instant;
import java.util.UUID;

/**
 * Who else wants a session's seats: guests on its waitlist (port). Seating tells it when seats free
 * up or the session closes, and asks it when a booking accepts an offer; how the line works is
 * not seating's business.
 */
public interface SeatOffers {

    /**
     * Seats of the session became free in the caller's transaction, after the caller saved the
     * session: offer them to who waits.
     */
    void seatsFreed(UUID sessionId, Instant now);

    /**
     * A booking accepts a waitlist offer (the session is locked by the caller): the offer's held
     * seats become the booking's hold ({@link SeatDecision.Held}), or {@link SeatDecision.Refused}
     * with a reason the guest can read.
     */
    SeatDecision acceptOffer(
            ViewingSession session,
            String offerId,
            UUID bookingId,
            String guestId,
            int seats,
            Instant holdUntil,
            Instant now);

    /**
     * The session is being cancelled (before the caller saves it): open offers are withdrawn, their
     * seats go back to the session, and the line closes.
     */
    void sessionCancelled(ViewingSession session, Instant now);
}
