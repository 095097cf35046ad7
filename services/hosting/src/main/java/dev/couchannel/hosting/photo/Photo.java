package dev.couchannel.hosting.photo;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A photo of a venue: the metadata row; the bytes are an object in the photo store under {@link #storageKey()}.
 * A photo never changes: a new picture is a new photo (so its URL may be cached for good).
 *
 * @param id the photo's id
 * @param venueId the venue it shows
 * @param type the image format, as its bytes say
 * @param sizeBytes the number of bytes
 * @param storageKey where the bytes are in the store
 * @param uploadedBy who uploaded it (the host or an admin)
 * @param uploadedAt when
 */
public record Photo(
        UUID id,
        UUID venueId,
        ImageType type,
        long sizeBytes,
        String storageKey,
        String uploadedBy,
        Instant uploadedAt) {

    public Photo {
        Objects.requireNonNull(id);
        Objects.requireNonNull(venueId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(storageKey);
        Objects.requireNonNull(uploadedBy);
        Objects.requireNonNull(uploadedAt);
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("a photo has at least one byte");
        }
    }

    /**
     * A new photo with a fresh id; its key is generated, never taken from the client, so no upload can overwrite
     * another object.
     */
    public static Photo upload(UUID venueId, ImageType type, long sizeBytes, String uploadedBy, Instant now) {
        UUID id = UUID.randomUUID();
        return new Photo(
                id, venueId, type, sizeBytes, "venues/" + venueId + "/" + id + "." + type.extension(), uploadedBy, now);
    }
}
