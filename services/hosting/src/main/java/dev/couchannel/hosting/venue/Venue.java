package dev.couchannel.hosting.venue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A place a host offers for viewing sessions. Only its host changes it; every change is a new
 * revision ({@link #version()}) and an event, so read models elsewhere follow along.
 */
public final class Venue {

    private final UUID id;
    private final String hostId;
    private final Instant registeredAt;
    private VenueDetails details;
    private Instant updatedAt;
    private long version;

    public Venue(UUID id, String hostId, VenueDetails details, Instant registeredAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        if (hostId == null || hostId.isBlank()) {
            throw new IllegalArgumentException("a venue has a host");
        }
        this.hostId = hostId;
        this.details = Objects.requireNonNull(details);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        if (version < 1) {
            throw new IllegalArgumentException("venue revisions start at 1, not " + version);
        }
        this.version = version;
    }

    /** A host registers a venue: revision 1. */
    public static Venue register(UUID id, String hostId, VenueDetails details, Instant now) {
        return new Venue(id, hostId, details, now, now, 1);
    }

    /** The event of this venue's registration. */
    public VenueEvent.VenueRegistered registered() {
        return new VenueEvent.VenueRegistered(id, hostId, details, version, registeredAt);
    }

    /**
     * The host describes the venue anew. Empty when nothing differs (no new revision, no event):
     * saving the same form twice is not a change.
     */
    public Optional<VenueEvent.VenueChanged> change(VenueDetails newDetails, Instant now) {
        Objects.requireNonNull(newDetails);
        if (newDetails.equals(details)) {
            return Optional.empty();
        }
        details = newDetails;
        updatedAt = now;
        version++;
        return Optional.of(new VenueEvent.VenueChanged(id, hostId, details, version, now));
    }

    public boolean isOwnedBy(String host) {
        return hostId.equals(host);
    }

    public UUID id() {
        return id;
    }

    public String hostId() {
        return hostId;
    }

    public VenueDetails details() {
        return details;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The revision: 1 when registered, one more with each change. */
    public long version() {
        return version;
    }
}
