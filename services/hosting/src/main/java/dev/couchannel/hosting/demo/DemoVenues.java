package dev.couchannel.hosting.demo;

import dev.couchannel.hosting.host.HostProfile;
import dev.couchannel.hosting.host.HostProfiles;
import dev.couchannel.hosting.venue.Address;
import dev.couchannel.hosting.venue.Equipment;
import dev.couchannel.hosting.venue.GeoPoint;
import dev.couchannel.hosting.venue.Licence;
import dev.couchannel.hosting.venue.StreamingPackage;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.VenueType;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.hosting.venue.application.RegisterVenue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the demo host's venues, the ones inventory's demo sessions take place in, once: only
 * into an empty database, so a second start keeps what users did. They go through the outbox like
 * any registration, so read models elsewhere learn about them. Enabled by
 * {@code couchannel.demo.enabled} (the launcher sets it).
 */
@Component
@ConditionalOnBooleanProperty("couchannel.demo.enabled")
class DemoVenues implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVenues.class);

    /** The demo host, {@code host@example.com} (the user id is the email in local mode). */
    static final String DEMO_HOST = "host@example.com";

    private record Demo(String slug, VenueDetails details) {}

    private static StreamingPackage sub(String provider, Licence licence, String country) {
        return new StreamingPackage(provider, licence, country);
    }

    // Slugs match inventory's demo sessions (services/inventory .../demo/DemoVenues.java).
    static final List<Demo> VENUES = List.of(
            new Demo(
                    "london-flat",
                    new VenueDetails(
                            "Notting Hill living room",
                            VenueType.HOME,
                            new Address("Flat 3, 12 Elgin Crescent", "London", "GB"),
                            new GeoPoint(51.5141, -0.2047),
                            8,
                            new Equipment(1, 65, 2),
                            List.of(sub("Sky", Licence.RESIDENTIAL, "GB")))),
            new Demo(
                    "camden-club-room",
                    new VenueDetails(
                            "Camden supporters' club room",
                            VenueType.COMMERCIAL,
                            new Address("45 Chalk Farm Road", "London", "GB"),
                            new GeoPoint(51.5430, -0.1500),
                            40,
                            new Equipment(2, 120, 8),
                            List.of(sub("Sky", Licence.COMMERCIAL, "GB")))),
            new Demo(
                    "manchester-terrace",
                    new VenueDetails(
                            "Chorlton terrace house",
                            VenueType.HOME,
                            new Address("27 Mayfield Road, Chorlton", "Manchester", "GB"),
                            new GeoPoint(53.4418, -2.2773),
                            12,
                            new Equipment(1, 75, 5),
                            List.of(sub("TNT Sports", Licence.RESIDENTIAL, "GB")))),
            new Demo(
                    "warsaw-mokotow-flat",
                    new VenueDetails(
                            "Salon na Mokotowie",
                            VenueType.HOME,
                            new Address("ul. Puławska 120 m. 14", "Warszawa", "PL"),
                            new GeoPoint(52.1931, 21.0228),
                            6,
                            new Equipment(1, 55, 2),
                            List.of(sub("Canal+", Licence.RESIDENTIAL, "PL")))),
            new Demo(
                    "warsaw-praga-bar",
                    new VenueDetails(
                            "Bar na Pradze",
                            VenueType.COMMERCIAL,
                            new Address("ul. Ząbkowska 27", "Warszawa", "PL"),
                            new GeoPoint(52.2508, 21.0425),
                            30,
                            new Equipment(3, 86, 6),
                            List.of(sub("Canal+", Licence.COMMERCIAL, "PL")))),
            new Demo(
                    "krakow-kazimierz-loft",
                    new VenueDetails(
                            "Loft na Kazimierzu",
                            VenueType.HOME,
                            new Address("ul. Józefa 12 m. 5", "Kraków", "PL"),
                            new GeoPoint(50.0513, 19.9457),
                            10,
                            new Equipment(1, 100, 4),
                            List.of(sub("Canal+", Licence.RESIDENTIAL, "PL")))),
            new Demo(
                    "berlin-kreuzberg-wg",
                    new VenueDetails(
                            "WG-Wohnzimmer in Kreuzberg",
                            VenueType.HOME,
                            new Address("Oranienstraße 185", "Berlin", "DE"),
                            new GeoPoint(52.5006, 13.4186),
                            10,
                            new Equipment(1, 100, 2),
                            List.of(
                                    sub("DAZN", Licence.RESIDENTIAL, "DE"),
                                    sub("Sky Deutschland", Licence.RESIDENTIAL, "DE")))),
            new Demo(
                    "brooklyn-loft",
                    new VenueDetails(
                            "Williamsburg loft",
                            VenueType.HOME,
                            new Address("145 Kent Avenue, Apt 4B", "New York", "US"),
                            new GeoPoint(40.7183, -73.9626),
                            16,
                            new Equipment(2, 85, 6),
                            List.of(sub("ESPN", Licence.RESIDENTIAL, "US")))),
            new Demo(
                    "gdansk-oliwa-house",
                    new VenueDetails(
                            "Dom w Oliwie",
                            VenueType.HOME,
                            new Address("ul. Cystersów 7", "Gdańsk", "PL"),
                            new GeoPoint(54.4112, 18.5603),
                            10,
                            new Equipment(1, 65, 2),
                            List.of(sub("Canal+", Licence.RESIDENTIAL, "PL")))));

    /** What the demo host tells guests about themselves. */
    static final HostProfile.About DEMO_PROFILE = new HostProfile.About(
            "Kasia & friends",
            "Football on a big screen with people who care as much as we do. Snacks on us; bring your scarf.",
            List.of("pl", "en", "de"));

    private final Venues venues;
    private final HostProfiles profiles;
    private final RegisterVenue registerVenue;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoVenues(
            Venues venues,
            HostProfiles profiles,
            RegisterVenue registerVenue,
            TransactionTemplate transactions,
            Clock clock) {
        this.venues = venues;
        this.profiles = profiles;
        this.registerVenue = registerVenue;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (!venues.isEmpty()) {
                return;
            }
            VENUES.forEach(demo -> registerVenue.register(venueId(demo.slug()), DEMO_HOST, demo.details()));
            profiles.save(DEMO_HOST, DEMO_PROFILE, clock.instant());
            log.info("loaded demo data: {} venues and the profile of {}", VENUES.size(), DEMO_HOST);
        });
    }

    /** The id inventory's demo sessions point at; stable, so demo links and tests survive a restart. */
    static UUID venueId(String slug) {
        return UUID.nameUUIDFromBytes(("couchannel-demo:venue:" + slug + ":0").getBytes(StandardCharsets.UTF_8));
    }
}
