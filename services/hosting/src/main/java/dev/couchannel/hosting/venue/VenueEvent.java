package dev.couchannel.hosting.venue;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a venue; published through the outbox as the hosting events contract. Each
 * event carries every fact of the venue as it is afterwards, so a consumer never has to ask back.
 */
public sealed interface VenueEvent {

    UUID venueId();

    String hostId();

    VenueDetails details();

    /** The venue's revision after the event: 1 when registered, one more with each change. */
    long version();

    Instant at();

    record VenueRegistered(UUID venueId, String hostId, VenueDetails details, long version, Instant at)
            implements VenueEvent {}

    record VenueChanged(UUID venueId, String hostId, VenueDetails details, long version, Instant at)
            implements VenueEvent {}
}
