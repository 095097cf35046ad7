package dev.couchannel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.search.Events.SessionFacts;
import dev.couchannel.search.Events.VenueFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Events arrive in any order across topics, more than once, and late: the read model ends up right regardless. */
class ReadModelOrderingIT extends RunningSearch {

    private final String competition =
            "Ordering Cup " + UUID.randomUUID().toString().substring(0, 6);
    private final Instant kickoff = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void aSessionPublishedBeforeItsVenueGetsTheVenueWhenItArrives() throws Exception {
        VenueFacts venue = VenueFacts.of("Late venue", "COMMERCIAL", "Leeds", 53.8008, -1.5491, "COMMERCIAL");
        SessionFacts session = SessionFacts.of(venue, competition, "Leeds United", "Sunderland", kickoff, 20, "9.00");

        events.published(session);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(only(Map.of("competition", competition))
                        .path("sessionId")
                        .asString())
                .isEqualTo(session.id()));
        assertThat(only(Map.of("competition", competition)).path("venue").isMissingNode())
                .as("no venue known yet")
                .isTrue();

        events.venueRegistered(venue);
        events.rating(venue, 4.5, 2, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hit = only(Map.of("competition", competition, "lat", "53.8", "lon", "-1.55", "radiusKm", "5"));
            assertThat(hit.path("venue").path("name").asString()).isEqualTo("Late venue");
            assertThat(hit.path("rating").path("average").asDouble()).isEqualTo(4.5);
        });
    }

    @Test
    void staleVenueAndRatingVersionsAreIgnored() throws Exception {
        String cup = competition + " stale";
        VenueFacts venue = VenueFacts.of("Version one", "COMMERCIAL", "Bristol", 51.4545, -2.5879, "COMMERCIAL");
        events.venueRegistered(venue);
        SessionFacts session = SessionFacts.of(venue, cup, "Bristol City", "Bristol Rovers", kickoff, 20, "9.00");
        events.published(session);
        VenueFacts third = venue.renamed("Version two").renamed("Version three");
        events.venueChanged(third);
        events.rating(venue, 4.0, 3, 3);

        // a late, older change and an older rating: both must be ignored
        events.venueChanged(venue.renamed("Version two"));
        events.rating(venue, 1.0, 1, 2);
        // and a redelivered newest one changes nothing
        events.venueChanged(third);
        String marker = competition + " marker";
        SessionFacts after = SessionFacts.of(venue, marker, "Marker", "Marker", kickoff, 5, "1.00");
        events.published(after);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(only(Map.of("competition", marker))
                        .path("venue")
                        .path("name")
                        .asString())
                .isEqualTo("Version three"));
        JsonNode hit = only(Map.of("competition", cup));
        assertThat(hit.path("venue").path("name").asString()).isEqualTo("Version three");
        assertThat(hit.path("rating").path("average").asDouble()).isEqualTo(4.0);
        assertThat(hit.path("rating").path("count").asInt()).isEqualTo(3);
    }

    @Test
    void availabilityAndCancellationFollowTheSession() throws Exception {
        String cup = competition + " seats";
        VenueFacts venue = VenueFacts.of("Seats venue", "COMMERCIAL", "York", 53.96, -1.08, "COMMERCIAL");
        events.venueRegistered(venue);
        SessionFacts session = SessionFacts.of(venue, cup, "York City", "Hull City", kickoff, 20, "9.00");
        events.published(session);
        events.seatsLeft(session, 15);
        events.seatsLeft(session, 11);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        only(Map.of("competition", cup)).path("seatsLeft").asInt())
                .isEqualTo(11));

        events.cancelled(session);
        events.seatsLeft(session, 20); // the refunds give the seats back: still cancelled

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        searchJson(Map.of("competition", cup)).path("total").asLong())
                .isZero());
    }

    private JsonNode only(Map<String, String> parameters) throws Exception {
        JsonNode found = searchJson(parameters);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        return found.path("items").get(0);
    }
}
