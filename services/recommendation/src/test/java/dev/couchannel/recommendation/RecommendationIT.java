package dev.couchannel.recommendation;

import static dev.couchannel.recommendation.Events.bookingCancelled;
import static dev.couchannel.recommendation.Events.bookingConfirmed;
import static dev.couchannel.recommendation.Events.id;
import static dev.couchannel.recommendation.Events.sessionPublished;
import static dev.couchannel.recommendation.Events.venueRegistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against the test JVM's real Kafka: CloudEvents published as inventory, hosting and
 * booking publish them, the answer read over HTTP with a real token, as the gateway forwards it.
 */
@SpringBootTest(
        classes = RecommendationApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=recommendation")
class RecommendationIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(40);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "recommendation");
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Test
    void aGuestGetsSessionsOfTheirTeamsAndHostsNeverOneTheyBookedAndACancellationTakesItsWeightAway() throws Exception {
        Instant now = Instant.now();
        String me = user("guest");
        String other = user("guest");
        String hostA = user("host");
        String hostB = user("host");
        String hostC = user("host");
        String team = "Legia " + UUID.randomUUID().toString().substring(0, 6);
        String venueA = id();
        send(venueRegistered(venueA, hostA, 52.2297, 21.0122, now));

        String pastAtA = session(venueA, hostA, team, "Lech", now.minus(Duration.ofDays(10)));
        String pastAtB = session(id(), hostB, "Wisła", "Cracovia", now.minus(Duration.ofDays(9)));
        String teamUpcoming = session(id(), hostC, team, "Górnik", now.plus(Duration.ofDays(5)));
        String atA = session(venueA, hostA, "Raków", "Pogoń", now.plus(Duration.ofDays(6)));
        String atB = session(id(), hostB, "Piast", "Puszcza", now.plus(Duration.ofDays(7)));
        String toBook = session(id(), hostC, "Motor", "Stal", now.plus(Duration.ofDays(3)));
        Set<String> ours = Set.of(teamUpcoming, atA, atB, toBook);

        String myPastBooking = id();
        send(bookingConfirmed(myPastBooking, pastAtA, me, 2, now));
        send(bookingConfirmed(id(), pastAtA, other, 1, now));
        send(bookingConfirmed(id(), pastAtB, other, 1, now));
        // popular, from a guest who booked no host of mine (so no co-booking of host C)
        send(bookingConfirmed(id(), toBook, user("guest"), 3, now));

        // the favourite team's session first, then the favourite host's, then co-booking, then popularity
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> ranked = ranked(me, ours);
            assertThat(ranked)
                    .extracting(s -> s.path("sessionId").asString())
                    .containsExactly(teamUpcoming, atA, atB, toBook);
            assertThat(ranked.get(0).path("reasons").get(0).path("kind").asString())
                    .isEqualTo("FAVOURITE_TEAM");
            assertThat(ranked.get(0).path("reasons").get(0).path("team").asString())
                    .isEqualTo(team);
            assertThat(ranked.get(1).path("reasons").get(0).path("kind").asString())
                    .isEqualTo("FAVOURITE_HOST");
            assertThat(ranked.get(2).path("reasons").get(0).path("kind").asString())
                    .isEqualTo("CO_BOOKED");
            assertThat(ranked.get(2).path("reasons").get(0).path("bookedWith").asString())
                    .isEqualTo(hostA);
            assertThat(ranked.get(3).path("reasons").get(0).path("kind").asString())
                    .isEqualTo("POPULAR");
        });

        // nearby: the venue of host A is in Warsaw
        JsonNode nearby = get("/api/me/recommendations?limit=50&lat=52.23&lon=21.01", me);
        assertThat(sessions(nearby, Set.of(atA)).getFirst().path("reasons").toString())
                .contains("\"kind\":\"NEARBY\"");

        // the guest books a session: it is never recommended to them again, still to others
        send(bookingConfirmed(id(), toBook, me, 1, now));
        await().atMost(WAIT).untilAsserted(() -> assertThat(ranked(me, ours))
                .extracting(s -> s.path("sessionId").asString())
                .doesNotContain(toBook));
        assertThat(ranked(user("guest"), ours))
                .extracting(s -> s.path("sessionId").asString())
                .contains(toBook);

        // cancelling the only booking of the team and of host A takes their weight away
        send(bookingCancelled(myPastBooking, pastAtA, me, 2, now));
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> ranked = ranked(me, ours);
            assertThat(ranked)
                    .extracting(s -> s.path("sessionId").asString())
                    .containsExactlyInAnyOrder(teamUpcoming, atA, atB);
            assertThat(ranked.toString()).doesNotContain("FAVOURITE_TEAM");
            assertThat(ranked)
                    .filteredOn(s -> s.path("sessionId").asString().equals(atA))
                    .singleElement()
                    .satisfies(s -> assertThat(s.path("reasons").toString()).doesNotContain("FAVOURITE_HOST"));
        });
    }

    @Test
    void aGuestWithoutHistoryGetsThePopularUpcomingSessions() throws Exception {
        Instant now = Instant.now();
        String quiet = session(id(), user("host"), "Korona", "Radomiak", now.plus(Duration.ofDays(1)));
        String busy = session(id(), user("host"), "Widzew", "ŁKS", now.plus(Duration.ofDays(4)));
        send(bookingConfirmed(id(), busy, user("guest"), 2, now));

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> ranked = ranked(user("guest"), Set.of(quiet, busy));
            assertThat(ranked).extracting(s -> s.path("sessionId").asString()).containsExactly(busy, quiet);
            assertThat(ranked.getFirst().path("reasons").get(0).path("bookings").asInt())
                    .isEqualTo(1);
            assertThat(ranked.getFirst().path("homeTeam").asString()).isEqualTo("Widzew");
            assertThat(ranked.getFirst().path("kickoff").asString()).isNotBlank();
        });
    }

    @Test
    void badParametersAreNamedAndNoTokenIsA401() throws Exception {
        String guest = user("guest");
        for (String query : List.of("limit=0", "limit=-1", "limit=10000", "limit=ten")) {
            assertInvalid(send("/api/me/recommendations?" + query, guest), "limit");
        }
        for (String query : List.of("lat=200&lon=0", "lat=north&lon=0", "lat=NaN&lon=0")) {
            assertInvalid(send("/api/me/recommendations?" + query, guest), "lat");
        }
        assertInvalid(send("/api/me/recommendations?lat=52&lon=-181", guest), "lon");
        assertInvalid(send("/api/me/recommendations?lat=52", guest), "lon");

        HttpResponse<String> anonymous = send("/api/me/recommendations", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String user(String kind) {
        return kind + "-" + UUID.randomUUID() + "@example.com";
    }

    private String session(String venueId, String host, String home, String away, Instant kickoff) {
        String sessionId = id();
        send(sessionPublished(sessionId, venueId, host, home, away, kickoff, Instant.now()));
        return sessionId;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        kafka.send(record).join();
    }

    private List<JsonNode> ranked(String guest, Set<String> ours) throws Exception {
        return sessions(get("/api/me/recommendations?limit=50", guest), ours);
    }

    private static List<JsonNode> sessions(JsonNode answer, Set<String> ours) {
        List<JsonNode> sessions = new ArrayList<>();
        for (JsonNode session : answer.path("sessions")) {
            if (ours.contains(session.path("sessionId").asString())) {
                sessions.add(session);
            }
        }
        return sessions;
    }

    private JsonNode get(String path, String caller) throws Exception {
        HttpResponse<String> response = send(path, caller);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.isArray()).as(response.body()).isTrue();
        assertThat(errors.get(0).path("field").asString()).as(response.body()).isEqualTo(field);
    }
}
