package dev.couchannel.hosting.venue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The venues (port). */
public interface Venues {

    Optional<Venue> find(UUID id);

    /** Loads a venue to change it; no other change of that venue runs until the transaction ends. */
    Optional<Venue> lock(UUID id);

    void add(Venue venue);

    /**
     * Stores a changed venue.
     *
     * @throws RuntimeException when the stored revision is not the one before {@link Venue#version()}
     */
    void save(Venue venue);

    /** A host's venues, oldest first. */
    List<Venue> ofHost(String hostId, int limit);

    int countOfHost(String hostId);

    boolean isEmpty();
}
