package dev.couchannel.inventory.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Waitlist entries and offers (port). Callers lock the session first, then entries and offers. */
public interface Waitlists {

    void add(WaitlistEntry entry);

    void save(WaitlistEntry entry);

    void add(WaitlistOffer offer);

    void save(WaitlistOffer offer);

    /** The guest's entry still in line for the session, locked. */
    Optional<WaitlistEntry> lockActive(UUID sessionId, String guestId);

    /** The guest's latest entry for the session, in any status. */
    Optional<WaitlistEntry> latest(UUID sessionId, String guestId);

    Optional<WaitlistEntry> lockEntry(UUID entryId);

    /** The session's WAITING entries in line order, locked. */
    List<WaitlistEntry> lockWaiting(UUID sessionId);

    /** The session's WAITING and OFFERED entries, locked. */
    List<WaitlistEntry> lockActiveOf(UUID sessionId);

    boolean anyWaiting(UUID sessionId);

    /** 1 for the head of the line: WAITING entries that joined before this one, plus one. */
    int position(WaitlistEntry entry);

    Optional<WaitlistOffer> lockOffer(UUID offerId);

    Optional<WaitlistOffer> findOffer(UUID offerId);

    /** The open offer of an entry, locked. */
    Optional<WaitlistOffer> lockOpenOfferOf(UUID entryId);

    /** The open offer of an entry. */
    Optional<WaitlistOffer> openOfferOf(UUID entryId);

    /** The session's open offers, locked. */
    List<WaitlistOffer> lockOpenOffersOf(UUID sessionId);

    /** Ids of up to {@code limit} open offers that ran out by {@code now}, oldest first (not locked). */
    List<UUID> dueOffers(Instant now, int limit);

    /**
     * Published sessions whose free seats would fit someone waiting (seats freed up without an
     * offer, e.g. when a sale failed): up to {@code limit} ids.
     */
    List<UUID> sessionsToServe(int limit);
}
