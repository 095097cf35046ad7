package dev.couchannel.review.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.review.ReviewApplication;
import dev.couchannel.review.RunningReview;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The projections are nothing but the events folded: thrown away and rebuilt, they come back the same. */
class ProjectionRebuildIT extends RunningReview {

    static final String ADMIN = "admin@example.com";

    private List<Map<String, Object>> reviewList() {
        return jdbc.sql("SELECT * FROM review_list ORDER BY review_id").query().listOfRows();
    }

    private List<Map<String, Object>> venueRatings() {
        return jdbc.sql("SELECT * FROM venue_ratings ORDER BY venue_id").query().listOfRows();
    }

    @Test
    void aRebuildFromTheEventsGivesTheSameProjections() throws Exception {
        String venue = UUID.randomUUID().toString();
        String host = host();
        String first = review(attendedAndOver(venue, host), 5, "Best seat in town.")
                .path("id")
                .asString();
        String second = review(attendedAndOver(venue, host), 3, "Fine, a bit loud.")
                .path("id")
                .asString();
        review(attendedAndOver(UUID.randomUUID().toString(), host()), 4, "Another venue, good too.");
        send("POST", "/api/reviews/" + first + "/reply", host, "{\"text\":\"Come again!\"}");
        send("POST", "/api/reviews/" + second + "/reports", guest(), "{}");
        send("POST", "/api/admin/reviews/" + second + "/hide", ADMIN, null);
        List<Map<String, Object>> reviews = reviewList();
        List<Map<String, Object>> ratings = venueRatings();
        assertThat(reviews).hasSizeGreaterThanOrEqualTo(3);

        // a projection gone wrong: a lost row and a rating out of step
        jdbc.sql("DELETE FROM review_list WHERE review_id = :id")
                .param("id", UUID.fromString(first))
                .update();
        jdbc.sql("UPDATE venue_ratings SET count = 99").update();

        HttpResponse<String> rebuilt = send("POST", "/api/admin/reviews/rebuild", ADMIN, null);

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(json(rebuilt).path("events").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM review_events")
                        .query(Long.class)
                        .single());
        assertThat(reviewList()).isEqualTo(reviews);
        assertThat(venueRatings()).isEqualTo(ratings);
        var list = json(send("GET", "/api/venues/" + venue + "/reviews", null, null));
        assertThat(list.path("rating").path("count").asInt()).isEqualTo(1);
        assertThat(list.path("rating").path("average").asDouble()).isEqualTo(5.0);
        assertThat(list.path("items").get(0).path("reply").path("text").asString())
                .isEqualTo("Come again!");
    }

    @Test
    void aServiceStartedWithRebuildOnStartRebuildsBeforeItIsReady() throws Exception {
        review(attendedAndOver(UUID.randomUUID().toString(), host()), 2, "Rebuilt at start.");
        List<Map<String, Object>> reviews = reviewList();
        List<Map<String, Object>> ratings = venueRatings();
        jdbc.sql("DELETE FROM review_list").update();
        jdbc.sql("DELETE FROM venue_ratings").update();

        Map<String, Object> properties = new LinkedHashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), "review");
        properties.put("server.port", 0);
        properties.put("spring.grpc.server.port", 0);
        properties.put("couchannel.review.rebuild-on-start", true);
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ReviewApplication.class)
                .properties("spring.config.name=review")
                .run(args.toArray(String[]::new))) {
            assertThat(second.isRunning()).isTrue();
            assertThat(reviewList()).isEqualTo(reviews);
            assertThat(venueRatings()).isEqualTo(ratings);
        }
    }

    @Test
    void onlyAnAdminRebuilds() throws Exception {
        assertProblem(send("POST", "/api/admin/reviews/rebuild", guest(), null), 403);
        assertProblem(send("POST", "/api/admin/reviews/rebuild", null, null), 401);
    }

    @Test
    void theEventStoreIsAppendOnly() throws Exception {
        review(attendedAndOver(UUID.randomUUID().toString(), host()), 4, "Worth it.");

        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE review_events SET payload = '{}'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM review_events").update()).hasMessageContaining("append-only");
    }
}
