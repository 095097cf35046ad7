package dev.couchannel.hosting.photo.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.hosting.photo.ImageType;
import dev.couchannel.hosting.photo.Photo;
import dev.couchannel.hosting.photo.PhotoFixtures;
import dev.couchannel.hosting.photo.PhotoStore;
import dev.couchannel.hosting.photo.Photos;
import dev.couchannel.hosting.venue.Address;
import dev.couchannel.hosting.venue.Equipment;
import dev.couchannel.hosting.venue.GeoPoint;
import dev.couchannel.hosting.venue.Venue;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.VenueType;
import dev.couchannel.hosting.venue.Venues;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The order of an upload's two writes, and what is undone when the second fails. */
class AddPhotoTest {

    private static final String HOST = "host@example.com";
    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    private final Venue venue = Venue.register(
            UUID.randomUUID(),
            HOST,
            new VenueDetails(
                    "The Corner Bar",
                    VenueType.COMMERCIAL,
                    new Address("1 Market Street", "Manchester", "GB"),
                    new GeoPoint(53.48, -2.24),
                    40,
                    new Equipment(3, 85, 6),
                    List.of()),
            NOW);
    private final MemoryStore store = new MemoryStore();
    private final MemoryPhotos photos = new MemoryPhotos();

    @Test
    void storesTheObjectThenListsThePhoto() {
        AddPhoto.Outcome outcome = addPhoto(photos, 2).add(venue.id(), HOST, false, PhotoFixtures.png(), ImageType.PNG);

        assertThat(outcome).isInstanceOfSatisfying(AddPhoto.Added.class, added -> {
            assertThat(photos.rows).containsExactly(added.photo());
            assertThat(store.objects).containsOnlyKeys(added.photo().storageKey());
            assertThat(added.photo().storageKey())
                    .startsWith("venues/" + venue.id() + "/")
                    .endsWith(".png");
        });
    }

    @Test
    void deletesTheObjectAgainWhenTheRowCannotBeInserted() {
        MemoryPhotos failing = new MemoryPhotos() {
            @Override
            public void add(Photo photo) {
                throw new IllegalStateException("the database went away");
            }
        };

        assertThatThrownBy(() -> addPhoto(failing, 2).add(venue.id(), HOST, false, PhotoFixtures.png(), ImageType.PNG))
                .hasMessageContaining("went away");
        assertThat(store.puts).hasSize(1);
        assertThat(store.objects).isEmpty();
    }

    @Test
    void aFullVenueCostsNoUpload() {
        AddPhoto add = addPhoto(photos, 1);
        add.add(venue.id(), HOST, false, PhotoFixtures.png(), ImageType.PNG);

        assertThat(add.add(venue.id(), HOST, false, PhotoFixtures.png(), ImageType.PNG))
                .isEqualTo(new AddPhoto.Full(1));
        assertThat(store.puts).hasSize(1);
    }

    @Test
    void anotherHostsVenueIsMissingButAnAdminMayAdd() {
        AddPhoto add = addPhoto(photos, 2);

        assertThat(add.add(venue.id(), "other@example.com", false, PhotoFixtures.png(), ImageType.PNG))
                .isEqualTo(new AddPhoto.NoSuchVenue());
        assertThat(add.add(venue.id(), "admin@example.com", true, PhotoFixtures.png(), ImageType.PNG))
                .isInstanceOf(AddPhoto.Added.class);
        assertThat(store.puts).hasSize(1);
    }

    private AddPhoto addPhoto(Photos rows, int maxPerVenue) {
        return new AddPhoto(
                new OneVenue(venue),
                rows,
                store,
                new PhotoLimits(1024 * 1024, maxPerVenue),
                new TransactionTemplate(new NoTransactions()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static class MemoryStore implements PhotoStore {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        final List<String> puts = new ArrayList<>();

        @Override
        public void put(String key, byte[] content, ImageType type) {
            puts.add(key);
            objects.put(key, content);
        }

        @Override
        public Optional<InputStream> open(String key) {
            return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
        }

        @Override
        public boolean exists(String key) {
            return objects.containsKey(key);
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }
    }

    static class MemoryPhotos implements Photos {
        final List<Photo> rows = new ArrayList<>();

        @Override
        public List<Photo> ofVenue(UUID venueId) {
            return rows.stream().filter(p -> p.venueId().equals(venueId)).toList();
        }

        @Override
        public int countOf(UUID venueId) {
            return ofVenue(venueId).size();
        }

        @Override
        public Optional<Photo> find(UUID venueId, UUID photoId) {
            return ofVenue(venueId).stream().filter(p -> p.id().equals(photoId)).findFirst();
        }

        @Override
        public void add(Photo photo) {
            rows.add(photo);
        }

        @Override
        public boolean remove(UUID venueId, UUID photoId) {
            return rows.removeIf(p -> p.venueId().equals(venueId) && p.id().equals(photoId));
        }
    }

    record OneVenue(Venue venue) implements Venues {
        @Override
        public Optional<Venue> find(UUID id) {
            return Optional.of(venue).filter(v -> v.id().equals(id));
        }

        @Override
        public Optional<Venue> lock(UUID id) {
            return find(id);
        }

        @Override
        public void add(Venue venue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Venue venue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Venue> ofHost(String hostId, int limit) {
            return List.of(venue);
        }

        @Override
        public int countOfHost(String hostId) {
            return 1;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /** Transactions that do nothing: the use case's order of calls is what is under test. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
