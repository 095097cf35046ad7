package dev.couchannel.hosting.photo.application;

import dev.couchannel.hosting.photo.ImageType;
import dev.couchannel.hosting.photo.Photo;
import dev.couchannel.hosting.photo.PhotoStore;
import dev.couchannel.hosting.photo.Photos;
import dev.couchannel.hosting.venue.Venue;
import dev.couchannel.hosting.venue.Venues;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A host (or an admin) adds a photo to a venue. The object goes to the store first, under a key nobody else has;
 * then its row is inserted, in a transaction that locks the venue so that the per-venue limit holds under concurrent
 * uploads. If the row cannot be inserted the object is deleted again: a photo is listed only when both exist. Should
 * the process die between the two steps, the object stays behind unlisted and unreachable (ADR 15).
 */
@Service
public class AddPhoto {

    private static final Logger log = LoggerFactory.getLogger(AddPhoto.class);

    /** What came of an upload. */
    public sealed interface Outcome {}

    /** The photo is stored and listed. */
    public record Added(Photo photo) implements Outcome {}

    /** No such venue, or not the caller's: the two look the same. */
    public record NoSuchVenue() implements Outcome {}

    /** The venue has as many photos as it may. */
    public record Full(int maxPerVenue) implements Outcome {}

    private final Venues venues;
    private final Photos photos;
    private final PhotoStore store;
    private final PhotoLimits limits;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AddPhoto(
            Venues venues,
            Photos photos,
            PhotoStore store,
            PhotoLimits limits,
            TransactionTemplate transaction,
            Clock clock) {
        this.venues = venues;
        this.photos = photos;
        this.store = store;
        this.limits = limits;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param content the image's bytes, already checked to be of {@code type} and within the size limit
     */
    public Outcome add(UUID venueId, String callerId, boolean admin, byte[] content, ImageType type) {
        Optional<Venue> venue = venues.find(venueId).filter(v -> admin || v.isOwnedBy(callerId));
        if (venue.isEmpty()) {
            return new NoSuchVenue();
        }
        // checked before the upload too, so that a full venue costs no storage traffic
        if (photos.countOf(venueId) >= limits.maxPerVenue()) {
            return new Full(limits.maxPerVenue());
        }
        Photo photo = Photo.upload(
                venueId, type, content.length, callerId, clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.put(photo.storageKey(), content, type);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                venues.lock(venueId);
                if (photos.countOf(venueId) >= limits.maxPerVenue()) {
                    return new Full(limits.maxPerVenue());
                }
                photos.add(photo);
                return new Added(photo);
            });
        } catch (RuntimeException failure) {
            deleteQuietly(photo);
            throw failure;
        }
        if (!(outcome instanceof Added)) {
            deleteQuietly(photo);
        }
        return outcome;
    }

    private void deleteQuietly(Photo photo) {
        try {
            store.delete(photo.storageKey());
        } catch (RuntimeException e) {
            log.warn("could not delete the unlisted photo object {}; it stays orphaned", photo.storageKey(), e);
        }
    }
}
