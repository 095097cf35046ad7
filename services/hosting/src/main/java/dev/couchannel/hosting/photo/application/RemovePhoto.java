package dev.couchannel.hosting.photo.application;

import dev.couchannel.hosting.photo.Photo;
import dev.couchannel.hosting.photo.PhotoStore;
import dev.couchannel.hosting.photo.Photos;
import dev.couchannel.hosting.venue.Venues;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A host (or an admin) removes a photo: the row goes first (from then on the photo is neither listed nor served),
 * then the object. If the object cannot be deleted it stays behind unreachable, which is logged (ADR 15).
 */
@Service
public class RemovePhoto {

    private static final Logger log = LoggerFactory.getLogger(RemovePhoto.class);

    private final Venues venues;
    private final Photos photos;
    private final PhotoStore store;
    private final TransactionTemplate transaction;

    public RemovePhoto(Venues venues, Photos photos, PhotoStore store, TransactionTemplate transaction) {
        this.venues = venues;
        this.photos = photos;
        this.store = store;
        this.transaction = transaction;
    }

    /** Whether the photo was removed; false when there is no such photo of a venue of the caller's. */
    public boolean remove(UUID venueId, UUID photoId, String callerId, boolean admin) {
        Optional<Photo> removed = transaction.execute(status -> venues.find(venueId)
                .filter(venue -> admin || venue.isOwnedBy(callerId))
                .flatMap(venue -> photos.find(venueId, photoId))
                .filter(photo -> photos.remove(venueId, photoId)));
        removed.ifPresent(photo -> {
            try {
                store.delete(photo.storageKey());
            } catch (RuntimeException e) {
                log.warn("photo {} is removed but its object {} could not be deleted", photoId, photo.storageKey(), e);
            }
        });
        return removed.isPresent();
    }
}
