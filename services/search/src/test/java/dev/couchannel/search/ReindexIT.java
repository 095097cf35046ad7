package dev.couchannel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.search.Events.SessionFacts;
import dev.couchannel.search.Events.VenueFacts;
import dev.couchannel.search.opensearch.SessionIndex;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The read model is rebuilt from the log into a new index, then the alias moves to it. */
class ReindexIT extends RunningSearch {

    @Autowired
    SessionIndex index;

    @Test
    void rebuildsFromTheLogIntoANewIndexAndSwapsTheAlias() throws Exception {
        String cup = "Reindex Cup " + UUID.randomUUID().toString().substring(0, 6);
        VenueFacts venue = VenueFacts.of("Rebuilt venue", "HOME", "Cardiff", 51.4816, -3.1791, "RESIDENTIAL");
        events.venueRegistered(venue);
        SessionFacts session = SessionFacts.of(
                venue, cup, "Cardiff City", "Swansea City", Instant.now().plus(2, ChronoUnit.DAYS), 12, "7.00");
        events.published(session);
        events.seatsLeft(session, 9);
        events.rating(venue, 4.2, 5, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hit = searchJson(Map.of("competition", cup)).path("items").path(0);
            assertThat(hit.path("rating").path("count").asInt()).isEqualTo(5);
            assertThat(hit.path("seatsLeft").asInt()).isEqualTo(9);
        });
        JsonNode before = searchJson(Map.of("competition", cup)).path("items").get(0);
        String previous = index.current();

        HttpResponse<String> rebuilt = send("POST", "/api/admin/search/reindex", "admin@example.com");

        assertThat(rebuilt.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(rebuilt.body());
        assertThat(result.path("previousIndex").asString()).isEqualTo(previous);
        assertThat(result.path("index").asString()).isNotEqualTo(previous).isEqualTo(index.current());
        assertThat(result.path("events").asLong()).isGreaterThanOrEqualTo(4);
        JsonNode after = searchJson(Map.of("competition", cup)).path("items").get(0);
        assertThat(after).isEqualTo(before);

        // the live projection goes on into the new index
        events.seatsLeft(session, 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(searchJson(Map.of("competition", cup))
                        .path("items")
                        .path(0)
                        .path("seatsLeft")
                        .asInt())
                .isEqualTo(3));
    }

    @Test
    void onlyAnAdminMayRebuild() throws Exception {
        assertThat(send("POST", "/api/admin/search/reindex", "guest@example.com")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/admin/search/reindex", null).statusCode()).isEqualTo(401);
    }
}
