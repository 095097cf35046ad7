package dev.couchannel.inventory.waitlist.application;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.WaitlistJoined;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.inventory.seating.application.SessionEvents;
import dev.couchannel.inventory.waitlist.EntryStatus;
import dev.couchannel.inventory.waitlist.WaitlistEntry;
import dev.couchannel.inventory.waitlist.WaitlistOffer;
import dev.couchannel.inventory.waitlist.Waitlists;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A guest joins a session's line, looks at their place, or leaves it. One place per guest and session. */
@Service
public class JoinWaitlist {

    private final Sessions sessions;
    private final Waitlists waitlists;
    private final WaitlistOffers offers;
    private final SessionEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JoinWaitlist(
            Sessions sessions,
            Waitlists waitlists,
            WaitlistOffers offers,
            SessionEvents events,
            TransactionTemplate transactions,
            Clock clock) {
        this.sessions = sessions;
        this.waitlists = waitlists;
        this.offers = offers;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A guest's place: {@code position} while waiting (1 = next), {@code offer} while one is open. */
    public record Place(
            WaitlistEntry entry,
            @Nullable Integer position,
            @Nullable WaitlistOffer offer) {}

    public sealed interface Outcome {

        record Joined(Place place) implements Outcome {}

        /** The guest was in line already, for the same seats: nothing changed. */
        record AlreadyJoined(Place place) implements Outcome {}

        record NotFound() implements Outcome {}

        /** Joining makes no sense now; {@code reason} says why and what to do instead. */
        record Refused(String reason) implements Outcome {}
    }

    public Outcome join(UUID sessionId, String guestId, int seats) {
        return transactions.execute(status -> {
            Optional<ViewingSession> found = sessions.lock(sessionId);
            if (found.isEmpty()
                    || (found.get().status() == SessionStatus.DRAFT
                            && !found.get().isHostedBy(guestId))) {
                return new Outcome.NotFound();
            }
            ViewingSession session = found.get();
            if (session.status() != SessionStatus.PUBLISHED) {
                return new Outcome.Refused(
                        session.status() == SessionStatus.CANCELLED
                                ? "This session has been cancelled; its waitlist is closed."
                                : "This session is not open for booking yet.");
            }
            Optional<WaitlistEntry> active = waitlists.lockActive(sessionId, guestId);
            if (active.isPresent()) {
                if (active.get().seats() != seats) {
                    return new Outcome.Refused(
                            "You are on this waitlist for " + active.get().seats()
                                    + " seats already; leave it first (DELETE) to ask for another number.");
                }
                return new Outcome.AlreadyJoined(place(active.get()));
            }
            int free = session.seats().free();
            if (free >= seats) {
                return new Outcome.Refused(free + (free == 1 ? " seat is" : " seats are")
                        + " free: book them instead (POST /api/bookings).");
            }
            Instant now = clock.instant();
            WaitlistEntry entry = WaitlistEntry.join(sessionId, guestId, seats, now);
            waitlists.add(entry);
            int position = waitlists.position(entry);
            events.append(
                    session,
                    WaitlistJoined.newBuilder()
                            .setEntryId(entry.id().toString())
                            .setSessionId(sessionId.toString())
                            .setGuestId(guestId)
                            .setSeats(seats)
                            .setPosition(position)
                            .setAt(WireTime.of(now))
                            .build(),
                    now);
            return new Outcome.Joined(new Place(entry, position, null));
        });
    }

    /** The guest's latest place in the session's line, in any status. */
    public Optional<Place> placeOf(UUID sessionId, String guestId) {
        return waitlists.latest(sessionId, guestId).map(this::place);
    }

    /** @return false when the guest was not in line */
    public boolean leave(UUID sessionId, String guestId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<ViewingSession> session = sessions.lock(sessionId);
            if (session.isEmpty()) {
                return false;
            }
            Optional<WaitlistEntry> entry = waitlists.lockActive(sessionId, guestId);
            if (entry.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            boolean hadOffer = entry.get().status() == EntryStatus.OFFERED;
            if (hadOffer) {
                offers.withdrawOfferOf(session.get(), entry.get(), now);
                sessions.save(session.get());
                events.availabilityChanged(session.get(), now);
            }
            entry.get().leave(now);
            waitlists.save(entry.get());
            if (hadOffer) {
                offers.offerFreeSeats(sessionId, now);
            }
            return true;
        }));
    }

    private Place place(WaitlistEntry entry) {
        return switch (entry.status()) {
            case WAITING -> new Place(entry, waitlists.position(entry), null);
            case OFFERED ->
                new Place(entry, null, waitlists.openOfferOf(entry.id()).orElse(null));
            default -> new Place(entry, null, null);
        };
    }
}
