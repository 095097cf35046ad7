package dev.couchannel.hosting.demo;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.hosting.v1.GetHostRequest;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Host;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.hosting.RunningHosting;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/** The demo host's venues: where inventory's demo sessions take place, served over REST, gRPC and Kafka. */
class DemoVenuesIT extends RunningHosting {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** Inventory's demo sessions point at these venues (slug → city). */
    static final Map<String, String> INVENTORY_VENUES = Map.of(
            "london-flat", "London",
            "camden-club-room", "London",
            "manchester-terrace", "Manchester",
            "warsaw-mokotow-flat", "Warszawa",
            "warsaw-praga-bar", "Warszawa",
            "krakow-kazimierz-loft", "Kraków",
            "berlin-kreuzberg-wg", "Berlin",
            "brooklyn-loft", "New York",
            "gdansk-oliwa-house", "Gdańsk");

    /** The id inventory's DemoCalendar gives a venue slug. */
    static UUID inventoryVenueId(String slug) {
        return UUID.nameUUIDFromBytes(("couchannel-demo:venue:" + slug + ":0").getBytes(StandardCharsets.UTF_8));
    }

    static final Set<String> IDS = INVENTORY_VENUES.keySet().stream()
            .map(slug -> inventoryVenueId(slug).toString())
            .collect(Collectors.toSet());

    @Autowired
    GrpcServerLifecycle grpc;

    @Autowired
    DemoVenues demoData;

    @Autowired
    Venues venues;

    @Test
    void theDemoHostHasEveryVenueInventorysSessionsPointAt() throws Exception {
        var mine = json(send("GET", "/api/hosts/me/venues", "host@example.com", null));

        assertThat(mine.valueStream().map(v -> v.path("id").asString())).containsExactlyInAnyOrderElementsOf(IDS);
        INVENTORY_VENUES.forEach((slug, city) -> assertThat(venues.find(inventoryVenueId(slug))
                        .orElseThrow()
                        .details()
                        .address()
                        .city())
                .as(slug)
                .isEqualTo(city));
    }

    @Test
    void loadsOnlyIntoAnEmptyDatabase() {
        demoData.run(null);

        assertThat(venues.ofHost("host@example.com", 100)).hasSize(IDS.size());
    }

    @Test
    void theDemoRegistrationsArePublishedWithTheirFacts() throws Exception {
        String londonFlat = inventoryVenueId("london-flat").toString();
        try (TopicProbe events = TopicProbe.on(Topics.HOSTING_EVENTS)) {
            var registered = events.awaitCount(
                    record -> IDS.contains(record.key())
                            && "couchannel.hosting.v1.VenueRegistered".equals(header(record, "ce_type")),
                    IDS.size(),
                    WAIT);

            assertThat(registered).extracting(r -> r.key()).containsExactlyInAnyOrderElementsOf(IDS);
            var london = registered.stream()
                    .filter(r -> londonFlat.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            Venue venue = VenueRegistered.parseFrom(london.value()).getVenue();
            assertThat(venue.getCity()).isEqualTo("London");
            assertThat(venue.getCapacity()).isEqualTo(8);
            assertThat(venue.getLargestScreenInches()).isEqualTo(65);
            assertThat(venue.getPackages(0).getProvider()).isEqualTo("Sky");
        }
    }

    @Test
    void servesVenueFactsOverGrpc() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        try {
            VenueDirectoryGrpc.VenueDirectoryBlockingStub directory = VenueDirectoryGrpc.newBlockingStub(channel)
                    .withCallCredentials(TestTokens.serviceCredentials())
                    .withDeadlineAfter(5, TimeUnit.SECONDS);

            Venue berlin = directory.getVenue(GetVenueRequest.newBuilder()
                    .setVenueId(inventoryVenueId("berlin-kreuzberg-wg").toString())
                    .build());
            Venue camden = directory.getVenue(GetVenueRequest.newBuilder()
                    .setVenueId(inventoryVenueId("camden-club-room").toString())
                    .build());

            assertThat(berlin.getHostId()).isEqualTo("host@example.com");
            assertThat(berlin.getType()).isEqualTo("HOME");
            assertThat(berlin.getCountry()).isEqualTo("DE");
            assertThat(berlin.getCapacity()).isEqualTo(10);
            assertThat(berlin.getLat()).isBetween(52.4, 52.6);
            assertThat(berlin.getPackagesList())
                    .extracting(p -> p.getProvider() + "/" + p.getLicence() + "/" + p.getCountry())
                    .containsExactly("DAZN/RESIDENTIAL/DE", "Sky Deutschland/RESIDENTIAL/DE");
            assertThat(camden.getType()).isEqualTo("COMMERCIAL");
            assertThat(camden.getCapacity()).isEqualTo(40);
            assertThat(camden.getScreens()).isEqualTo(2);
            assertThat(camden.getLargestScreenInches()).isEqualTo(120);
            assertThat(camden.getPackagesList())
                    .extracting(p -> p.getProvider() + "/" + p.getLicence() + "/" + p.getCountry())
                    .containsExactly("Sky/COMMERCIAL/GB");

            Host demoHost = directory.getHost(
                    GetHostRequest.newBuilder().setHostId("host@example.com").build());
            assertThat(demoHost.getDisplayName()).isEqualTo("Kasia & friends");
            assertThat(demoHost.getLanguagesList()).containsExactly("pl", "en", "de");
            assertThat(UUID.fromString(demoHost.getId())).isNotNull();
            assertThatThrownBy(() -> directory.getHost(GetHostRequest.newBuilder()
                            .setHostId("nobody@example.com")
                            .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

            assertThatThrownBy(() -> directory.getVenue(GetVenueRequest.newBuilder()
                            .setVenueId(UUID.randomUUID().toString())
                            .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
            for (String bad : List.of("nope", "")) {
                assertThatThrownBy(() -> directory.getVenue(
                                GetVenueRequest.newBuilder().setVenueId(bad).build()))
                        .as(bad)
                        .isInstanceOfSatisfying(
                                StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
            }
        } finally {
            channel.shutdownNow();
        }
    }
}
