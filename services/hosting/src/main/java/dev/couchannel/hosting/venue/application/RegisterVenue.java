package dev.couchannel.hosting.venue.application;

import dev.couchannel.hosting.venue.Venue;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.Venues;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A host registers a venue: stored with its {@code VenueRegistered} event, in one transaction. */
@Service
public class RegisterVenue {

    private final Venues venues;
    private final VenueEvents events;
    private final Clock clock;

    public RegisterVenue(Venues venues, VenueEvents events, Clock clock) {
        this.venues = venues;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Venue register(String hostId, VenueDetails details) {
        return register(UUID.randomUUID(), hostId, details);
    }

    /** Registers a venue under a given id (demo data keeps stable ids). */
    @Transactional
    public Venue register(UUID id, String hostId, VenueDetails details) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL stores
        Venue venue = Venue.register(id, hostId, details, now);
        venues.add(venue);
        events.publish(venue.registered());
        return venue;
    }
}
