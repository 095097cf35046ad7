package dev.couchannel.hosting.venue.application;

import dev.couchannel.hosting.venue.Venue;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.Venues;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A host describes one of their venues anew: load (locked) → change → save → {@code VenueChanged}
 * through the outbox, in one transaction. A venue of another host is treated as missing.
 */
@Service
public class ChangeVenue {

    private final Venues venues;
    private final VenueEvents events;
    private final Clock clock;

    public ChangeVenue(Venues venues, VenueEvents events, Clock clock) {
        this.venues = venues;
        this.events = events;
        this.clock = clock;
    }

    /** The venue as it is now; empty when {@code hostId} has no venue with that id. */
    @Transactional
    public Optional<Venue> change(UUID venueId, String hostId, VenueDetails details) {
        Optional<Venue> found = venues.lock(venueId).filter(venue -> venue.isOwnedBy(hostId));
        found.ifPresent(venue -> venue.change(details, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .ifPresent(changed -> {
                    venues.save(venue);
                    events.publish(changed);
                }));
        return found;
    }
}
