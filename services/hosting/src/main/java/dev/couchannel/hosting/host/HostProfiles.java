package dev.couchannel.hosting.host;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where host profiles are kept. */
public interface HostProfiles {

    Optional<HostProfile> find(UUID id);

    Optional<HostProfile> ofOwner(String ownerId);

    /**
     * Writes {@code about} as the profile of {@code ownerId}: a new profile with a new public id, or the existing one
     * changed (its id and member-since stay).
     */
    Saved save(String ownerId, HostProfile.About about, Instant now);

    /** The profile as stored, and whether this write created it. */
    record Saved(HostProfile profile, boolean created) {}
}
