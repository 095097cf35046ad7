package dev.couchannel.inventory.seating;

import java.util.UUID;

/** The venues hosts registered, as hosting knows them (port). */
public interface HostVenues {

    Lookup venue(UUID venueId);

    /** What asking for a venue found. */
    sealed interface Lookup {

        /** The venue, with the facts a session depends on. */
        record Found(UUID id, String hostId, int capacity) implements Lookup {}

        record NotFound() implements Lookup {}

        /** Hosting did not answer in time; nothing can be decided now. */
        record Unavailable(String why) implements Lookup {}
    }
}
