package dev.couchannel.hosting.venue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Venues with domain names, for tests. */
final class VenueFixtures {

    static final String HOST = "host@example.com";
    static final Instant REGISTERED = Instant.parse("2026-05-01T10:00:00Z");

    private VenueFixtures() {}

    static Address londonAddress() {
        return new Address("Flat 3, 12 Elgin Crescent", "London", "GB");
    }

    static StreamingPackage skyResidential() {
        return new StreamingPackage("Sky", Licence.RESIDENTIAL, "GB");
    }

    static VenueDetails londonFlat() {
        return new VenueDetails(
                "Notting Hill living room",
                VenueType.HOME,
                londonAddress(),
                new GeoPoint(51.5141, -0.2047),
                8,
                new Equipment(1, 65, 2),
                List.of(skyResidential()));
    }

    static VenueDetails withCapacity(VenueDetails details, int capacity) {
        return new VenueDetails(
                details.name(),
                details.type(),
                details.address(),
                details.location(),
                capacity,
                details.equipment(),
                details.packages());
    }

    static Venue registeredLondonFlat() {
        return Venue.register(UUID.randomUUID(), HOST, londonFlat(), REGISTERED);
    }
}
