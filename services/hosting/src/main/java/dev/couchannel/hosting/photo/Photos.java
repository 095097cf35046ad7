package dev.couchannel.hosting.photo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The photos' metadata (port). */
public interface Photos {

    /** A venue's photos, oldest first. */
    List<Photo> ofVenue(UUID venueId);

    int countOf(UUID venueId);

    Optional<Photo> find(UUID venueId, UUID photoId);

    void add(Photo photo);

    /** Removes the photo's row; whether there was one. */
    boolean remove(UUID venueId, UUID photoId);
}
