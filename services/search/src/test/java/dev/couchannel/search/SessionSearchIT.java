package dev.couchannel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.search.Events.SessionFacts;
import dev.couchannel.search.Events.VenueFacts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Each kind of query against a small catalogue: three venues in three cities, five sessions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSearchIT extends RunningSearch {

    /** Two competitions of this class only, so other test classes' sessions never match. */
    private final String league =
            "Premier League " + UUID.randomUUID().toString().substring(0, 6);

    private final String cup = "Puchar Polski " + UUID.randomUUID().toString().substring(0, 6);

    private final Instant base = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private final VenueFacts nottingHill =
            VenueFacts.of("Notting Hill living room", "HOME", "London", 51.51413, -0.20471, "RESIDENTIAL");
    private final VenueFacts camden =
            VenueFacts.of("Camden supporters' club room", "COMMERCIAL", "London", 51.5430, -0.1500, "COMMERCIAL");
    private final VenueFacts chorlton =
            VenueFacts.of("Chorlton terrace house", "HOME", "Manchester", 53.4418, -2.2773, "RESIDENTIAL");
    private final VenueFacts mokotow =
            VenueFacts.of("Salon na Mokotowie", "COMMERCIAL", "Warsaw", 52.1935, 21.0341, "COMMERCIAL");

    private SessionFacts arsenalAtHome;
    private SessionFacts arsenalAtCamden;
    private SessionFacts derbyInManchester;
    private SessionFacts lateKickoff;
    private SessionFacts warsaw;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeAll
    void catalogue() throws Exception {
        for (VenueFacts venue : List.of(nottingHill, camden, chorlton, mokotow)) {
            events.venueRegistered(venue);
        }
        arsenalAtHome = SessionFacts.of(nottingHill, league, "Arsenal", "Chelsea", base, 6, "12.50");
        arsenalAtCamden = SessionFacts.of(camden, league, "Arsenal", "Chelsea", base, 30, "8.00");
        derbyInManchester = SessionFacts.of(
                chorlton, league, "Manchester City", "Manchester United", base.plusSeconds(3600), 10, "15.00");
        lateKickoff =
                SessionFacts.of(camden, league, "Liverpool", "Everton", base.plus(5, ChronoUnit.DAYS), 40, "5.00");
        warsaw = SessionFacts.of(
                mokotow, cup, "Legia Warszawa", "Lech Poznań", base.plus(1, ChronoUnit.DAYS), 25, "30.00");
        for (SessionFacts session : List.of(arsenalAtHome, arsenalAtCamden, derbyInManchester, lateKickoff, warsaw)) {
            events.published(session);
        }
        events.seatsLeft(arsenalAtHome, 2);
        events.rating(camden, 4.8, 12, 1);
        events.rating(chorlton, 3.9, 4, 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(total(Map.of("competition", league))).isEqualTo(4);
            assertThat(total(Map.of("competition", cup))).isEqualTo(1);
            assertThat(ids(Map.of("competition", league, "minSeats", "3"))).doesNotContain(arsenalAtHome.id());
            assertThat(ids(Map.of("competition", league, "sort", "rating")).getFirst())
                    .isIn(arsenalAtCamden.id(), lateKickoff.id());
        });
    }

    @Test
    void fullTextToleratesTypos() throws Exception {
        assertThat(ids(Map.of("q", "Arsenl Chelsae", "competition", league)))
                .containsExactlyInAnyOrder(arsenalAtHome.id(), arsenalAtCamden.id());
        assertThat(ids(Map.of("q", "Mokotowie", "competition", cup))).containsExactly(warsaw.id());
        assertThat(ids(Map.of("q", "Manchestr", "competition", league))).containsExactly(derbyInManchester.id());
        assertThat(ids(Map.of("q", "Warsaw Legia"))).contains(warsaw.id());
        assertThat(ids(Map.of("q", "Arsenal Legia", "competition", league))).isEmpty();
    }

    @Test
    void filtersByCompetitionCaseInsensitively() throws Exception {
        assertThat(ids(Map.of("competition", cup.toUpperCase()))).containsExactly(warsaw.id());
    }

    @Test
    void filtersByKickoffRange() throws Exception {
        assertThat(ids(Map.of(
                        "competition", league,
                        "from", base.plusSeconds(1800).toString(),
                        "to", base.plus(2, ChronoUnit.DAYS).toString())))
                .containsExactly(derbyInManchester.id());
        assertThat(ids(Map.of(
                        "competition",
                        league,
                        "from",
                        base.plus(4, ChronoUnit.DAYS).toString().substring(0, 10))))
                .containsExactly(lateKickoff.id());
    }

    @Test
    void filtersBySeatsLeftPriceVenueTypeLicenceAndCity() throws Exception {
        assertThat(ids(Map.of("competition", league, "minSeats", "20")))
                .containsExactlyInAnyOrder(arsenalAtCamden.id(), lateKickoff.id());
        assertThat(ids(Map.of("competition", league, "maxPrice", "8")))
                .containsExactlyInAnyOrder(arsenalAtCamden.id(), lateKickoff.id());
        assertThat(ids(Map.of("competition", league, "venueType", "home")))
                .containsExactlyInAnyOrder(arsenalAtHome.id(), derbyInManchester.id());
        assertThat(ids(Map.of("competition", league, "licence", "COMMERCIAL")))
                .containsExactlyInAnyOrder(arsenalAtCamden.id(), lateKickoff.id());
        assertThat(ids(Map.of("competition", league, "city", "manchester"))).containsExactly(derbyInManchester.id());
    }

    @Test
    void filtersByDistanceAndSortsByIt() throws Exception {
        // Camden Town station: Camden's club room is ~0.6 km away, the Notting Hill flat ~5.5 km
        Map<String, String> nearCamden =
                Map.of("competition", league, "lat", "51.5392", "lon", "-0.1426", "radiusKm", "10", "sort", "distance");
        JsonNode found = searchJson(nearCamden);
        List<String> ids = ids(found);
        assertThat(ids).containsExactly(arsenalAtCamden.id(), lateKickoff.id(), arsenalAtHome.id());
        assertThat(found.path("items").get(0).path("distanceKm").asDouble()).isLessThan(1.0);
        assertThat(found.path("items").get(2).path("distanceKm").asDouble()).isBetween(4.0, 8.0);

        assertThat(ids(Map.of("competition", league, "lat", "51.5392", "lon", "-0.1426", "radiusKm", "2")))
                .containsExactlyInAnyOrder(arsenalAtCamden.id(), lateKickoff.id());
        assertThat(ids(Map.of("lat", "53.48", "lon", "-2.24", "radiusKm", "20", "competition", league)))
                .containsExactly(derbyInManchester.id());
    }

    @Test
    void sortsByKickoffPriceAndRating() throws Exception {
        assertThat(ids(Map.of("competition", league, "sort", "kickoff")).getLast())
                .isEqualTo(lateKickoff.id());
        assertThat(ids(Map.of("competition", league, "sort", "price")))
                .containsExactly(lateKickoff.id(), arsenalAtCamden.id(), arsenalAtHome.id(), derbyInManchester.id());
        List<String> byRating = ids(Map.of("competition", league, "sort", "rating"));
        assertThat(byRating.subList(0, 2)).containsExactlyInAnyOrder(arsenalAtCamden.id(), lateKickoff.id());
        assertThat(byRating.get(2)).isEqualTo(derbyInManchester.id());
        assertThat(byRating.get(3)).as("unrated venues last").isEqualTo(arsenalAtHome.id());
    }

    @Test
    void countsFacetsOverAllMatches() throws Exception {
        JsonNode found = searchJson(Map.of("competition", league, "size", "1"));
        assertThat(found.path("total").asLong()).isEqualTo(4);
        assertThat(found.path("items")).hasSize(1);
        assertThat(facet(found, "venueType")).isEqualTo(Map.of("COMMERCIAL", 2L, "HOME", 2L));
        assertThat(facet(found, "city")).isEqualTo(Map.of("London", 3L, "Manchester", 1L));
        assertThat(facet(found, "competition")).isEqualTo(Map.of(league, 4L));
        assertThat(facet(found, "licence")).isEqualTo(Map.of("COMMERCIAL", 2L, "RESIDENTIAL", 2L));
    }

    @Test
    void pagesThroughResults() throws Exception {
        List<String> all = ids(Map.of("competition", league, "size", "10"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode found = searchJson(Map.of("competition", league, "size", "2", "page", Integer.toString(page)));
            assertThat(found.path("total").asLong()).isEqualTo(4);
            assertThat(found.path("page").asInt()).isEqualTo(page);
            paged.addAll(ids(found));
        }
        assertThat(paged).containsExactlyElementsOf(all).hasSize(4);
    }

    @Test
    void showsOnlyPublicVenueFacts() throws Exception {
        HttpResponse<String> response = search(Map.of("competition", league, "venueType", "HOME", "city", "London"));
        assertThat(response.body())
                .doesNotContain("host@example.com")
                .doesNotContain("Secret Street")
                .doesNotContain("51.51413")
                .doesNotContain("hostId");
        JsonNode venue = JSON.readTree(response.body()).path("items").get(0).path("venue");
        assertThat(venue.path("lat").asDouble()).isEqualTo(51.51);
        assertThat(venue.path("lon").asDouble()).isEqualTo(-0.2);
        assertThat(venue.path("name").asString()).isEqualTo("Notting Hill living room");
        JsonNode item = JSON.readTree(response.body()).path("items").get(0);
        assertThat(item.path("seatsLeft").asInt()).isEqualTo(2);
        assertThat(item.path("pricePerSeat").path("amount").asString()).isEqualTo("12.50");

        JsonNode commercial = searchJson(Map.of("competition", league, "q", "Camden", "size", "1"));
        assertThat(commercial.path("items").get(0).path("venue").path("lat").asDouble())
                .as("a commercial venue's position is public")
                .isEqualTo(51.5430);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("radiusKm", Map.of("lat", "51.5", "lon", "-0.1", "radiusKm", "1000000000")),
                Arguments.of("page", Map.of("page", "-1")),
                Arguments.of("lat", Map.of("lat", "200", "lon", "0")),
                Arguments.of("lon", Map.of("lat", "10", "lon", "abc")),
                Arguments.of("size", Map.of("size", "100000")),
                Arguments.of("q", Map.of("q", "a".repeat(10_000))),
                Arguments.of("from", Map.of("from", "yesterday")),
                Arguments.of("to", Map.of("to", "2026-13-45T25:00:00Z")),
                Arguments.of("minSeats", Map.of("minSeats", "-3")),
                Arguments.of("maxPrice", Map.of("maxPrice", "cheap")),
                Arguments.of("sort", Map.of("sort", "distance")),
                Arguments.of("sort", Map.of("sort", "random")),
                Arguments.of("venueType", Map.of("venueType", "CASTLE")),
                Arguments.of("page", Map.of("page", "600", "size", "100")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInput")
    void answersBadInputWithAProblemNamingTheParameter(String parameter, Map<String, String> query) throws Exception {
        HttpResponse<String> response = search(query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").findValuesAsString("field")).contains(parameter);
        assertThat(response.body()).doesNotContain("a".repeat(300));
    }

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        assertThat(OpenApiContract.apiOperations(mappings)).isEqualTo(2);
        OpenApiContract.assertDocumented(mappings);
    }

    private long total(Map<String, String> parameters) throws Exception {
        return searchJson(parameters).path("total").asLong();
    }

    private List<String> ids(Map<String, String> parameters) throws Exception {
        return ids(searchJson(parameters));
    }

    private static List<String> ids(JsonNode found) {
        List<String> ids = new ArrayList<>();
        found.path("items").forEach(item -> ids.add(item.path("sessionId").asString()));
        return ids;
    }

    private static Map<String, Long> facet(JsonNode found, String name) {
        Map<String, Long> counts = new HashMap<>();
        found.path("facets")
                .path(name)
                .forEach(v ->
                        counts.put(v.path("value").asString(), v.path("count").asLong()));
        return counts;
    }
}
