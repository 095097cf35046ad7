package dev.couchannel.inventory.waitlist.application;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.WaitlistOfferExpired;
import dev.couchannel.contracts.inventory.v1.WaitlistOfferMade;
import dev.couchannel.inventory.seating.SeatDecision;
import dev.couchannel.inventory.seating.SeatOffers;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.inventory.seating.application.SessionEvents;
import dev.couchannel.inventory.waitlist.Waitlist;
import dev.couchannel.inventory.waitlist.WaitlistEntry;
import dev.couchannel.inventory.waitlist.WaitlistOffer;
import dev.couchannel.inventory.waitlist.Waitlists;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers freed seats to the line and settles offers: accepted by a booking, run out, withdrawn.
 * An open offer's seats count as held in its session, so the seat invariant covers them. Locks
 * are taken session first, then entries and offers, everywhere.
 */
@Service
public class WaitlistOffers implements SeatOffers {

    private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);

    private final Sessions sessions;
    private final Waitlists waitlists;
    private final SessionEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration ttl;

    WaitlistOffers(
            Sessions sessions,
            Waitlists waitlists,
            SessionEvents events,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${couchannel.waitlist.offer-ttl:15m}") Duration ttl) {
        this.sessions = sessions;
        this.waitlists = waitlists;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void seatsFreed(UUID sessionId, Instant now) {
        if (waitlists.anyWaiting(sessionId)) {
            offerFreeSeats(sessionId, now);
        }
    }

    /** Offers the session's free seats to who waits, in line order; in the caller's transaction. */
    void offerFreeSeats(UUID sessionId, Instant now) {
        ViewingSession session = sessions.lock(sessionId).orElseThrow();
        if (session.status() != SessionStatus.PUBLISHED || session.seats().free() == 0) {
            return;
        }
        List<WaitlistEntry> served = Waitlist.nextInLine(
                waitlists.lockWaiting(sessionId), session.seats().free());
        for (WaitlistEntry entry : served) {
            if (!session.holdForOffer(entry.seats())) {
                break;
            }
            WaitlistOffer offer = entry.offer(now.plus(ttl), now);
            waitlists.save(entry);
            waitlists.add(offer);
            events.append(
                    session,
                    WaitlistOfferMade.newBuilder()
                            .setOfferId(offer.id().toString())
                            .setSessionId(sessionId.toString())
                            .setGuestId(offer.guestId())
                            .setSeats(offer.seats())
                            .setExpiresAt(WireTime.of(offer.expiresAt()))
                            .build(),
                    now);
            log.info("waitlist offer {} of {} seats of session {} made", offer.id(), offer.seats(), sessionId);
        }
        if (!served.isEmpty()) {
            sessions.save(session);
            events.availabilityChanged(session, now);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public SeatDecision acceptOffer(
            ViewingSession session,
            String offerId,
            UUID bookingId,
            String guestId,
            int seats,
            Instant holdUntil,
            Instant now) {
        Optional<WaitlistOffer> found;
        try {
            found = waitlists.lockOffer(UUID.fromString(offerId));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty() || !found.get().sessionId().equals(session.id())) {
            return session.refuse(bookingId, seats, "There is no such waitlist offer for this session.", now);
        }
        if (session.status() == SessionStatus.CANCELLED) {
            return session.refuse(bookingId, seats, ViewingSession.CANCELLED_REASON, now);
        }
        WaitlistOffer offer = found.get();
        WaitlistEntry entry = waitlists.lockEntry(offer.entryId()).orElseThrow();
        return switch (offer.accept(entry, bookingId, guestId, seats, now)) {
            case WaitlistOffer.Acceptance.Refused refused -> session.refuse(bookingId, seats, refused.reason(), now);
            case WaitlistOffer.Acceptance.Accepted accepted -> {
                waitlists.save(offer);
                waitlists.save(entry);
                yield session.holdFromOffer(bookingId, seats, holdUntil, now);
            }
        };
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionCancelled(ViewingSession session, Instant now) {
        for (WaitlistOffer offer : waitlists.lockOpenOffersOf(session.id())) {
            session.releaseOfferSeats(offer.seats());
            offer.withdraw(now);
            waitlists.save(offer);
        }
        for (WaitlistEntry entry : waitlists.lockActiveOf(session.id())) {
            entry.close(now);
            waitlists.save(entry);
        }
    }

    /** Withdraws an entry's open offer (the guest leaves); the seats go to the next in line. */
    void withdrawOfferOf(ViewingSession session, WaitlistEntry entry, Instant now) {
        waitlists.lockOpenOfferOf(entry.id()).ifPresent(offer -> {
            session.releaseOfferSeats(offer.seats());
            offer.withdraw(now);
            waitlists.save(offer);
        });
    }

    /**
     * Offers that ran out give their seats to the next in line, or back on sale; each in its own
     * transaction.
     *
     * @return how many offers expired
     */
    public int expireOffers(int limit) {
        int expired = 0;
        for (UUID offerId : waitlists.dueOffers(clock.instant(), limit)) {
            Boolean done = transactions.execute(status -> expire(offerId));
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expire(UUID offerId) {
        UUID sessionId = waitlists.findOffer(offerId).orElseThrow().sessionId();
        ViewingSession session = sessions.lock(sessionId).orElseThrow();
        WaitlistOffer offer = waitlists.lockOffer(offerId).orElseThrow();
        Instant now = clock.instant();
        if (!offer.isDueAt(now)) {
            return false; // accepted or withdrawn meanwhile
        }
        session.releaseOfferSeats(offer.seats());
        offer.expire(now);
        waitlists.save(offer);
        WaitlistEntry entry = waitlists.lockEntry(offer.entryId()).orElseThrow();
        entry.offerExpired(now);
        waitlists.save(entry);
        sessions.save(session);
        events.append(
                session,
                WaitlistOfferExpired.newBuilder()
                        .setOfferId(offerId.toString())
                        .setSessionId(sessionId.toString())
                        .setGuestId(offer.guestId())
                        .build(),
                now);
        events.availabilityChanged(session, now);
        log.info("waitlist offer {} of session {} expired", offerId, sessionId);
        offerFreeSeats(sessionId, now);
        return true;
    }

    /**
     * Serves lines whose session has free seats that fit someone waiting: seats freed without
     * telling the waitlist (a sale that failed), or a line that grew while seats were free.
     */
    public int serveWaiting(int limit) {
        List<UUID> ids = waitlists.sessionsToServe(limit);
        for (UUID sessionId : ids) {
            transactions.executeWithoutResult(status -> offerFreeSeats(sessionId, clock.instant()));
        }
        return ids.size();
    }
}
