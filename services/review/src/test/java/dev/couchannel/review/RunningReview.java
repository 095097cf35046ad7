package dev.couchannel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestClock;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review service against the test JVM's real PostgreSQL and Kafka, with a clock the tests
 * move. Every integration test class extends this one, so they share one application context.
 */
@SpringBootTest(
        classes = {ReviewApplication.class, TestClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=review", "spring.grpc.server.port=0"})
public abstract class RunningReview {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration WAIT = Duration.ofSeconds(30);
    /** The session length of review.yml: reviews open this long after kickoff. */
    protected static final Duration SESSION_LENGTH = Duration.ofHours(3);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "review");
        registry.add("spring.grpc.client.channel.inventory.target", FakeInventory.INSTANCE::target);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    protected JdbcClient jdbc;

    protected final TestClock clock = TestClock.Config.SHARED;
    protected final HttpClient http = HttpClient.newHttpClient();

    /** A booking's facts as other services publish them. */
    protected record Attended(String bookingId, String sessionId, String venueId, String guest, String host) {}

    protected static String guest() {
        return "guest-" + UUID.randomUUID() + "@example.com";
    }

    protected static String host() {
        return "host-" + UUID.randomUUID() + "@example.com";
    }

    /**
     * Inventory publishes a session at {@code venueId} kicking off at {@code kickoff}, booking confirms a booking
     * of {@code guest}; returns once the service has both facts.
     */
    protected Attended attend(String guest, String venueId, String host, Instant kickoff) {
        String session = UUID.randomUUID().toString();
        String booking = UUID.randomUUID().toString();
        publish(
                Topics.INVENTORY_EVENTS,
                session,
                SessionPublished.newBuilder()
                        .setSessionId(session)
                        .setVenueId(venueId)
                        .setHostId(host)
                        .setFixtureId(UUID.randomUUID().toString())
                        .setCapacity(10)
                        .setRefundPolicy("FLEXIBLE")
                        .setKickoff(WireTime.of(kickoff))
                        .setAt(WireTime.of(clock.instant()))
                        .build());
        publish(
                Topics.BOOKING_EVENTS,
                booking,
                BookingConfirmed.newBuilder()
                        .setBookingId(booking)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setSeats(2)
                        .build());
        await().atMost(WAIT)
                .until(() -> jdbc.sql("""
                        SELECT count(*) FROM bookings b JOIN sessions s USING (session_id)
                        WHERE b.booking_id = :b AND s.venue_id IS NOT NULL
                        """)
                                .param("b", UUID.fromString(booking))
                                .query(Long.class)
                                .single()
                        == 1);
        return new Attended(booking, session, venueId, guest, host);
    }

    /** A session that ended an hour ago. */
    protected Attended attendedAndOver(String venueId, String host) {
        return attend(
                guest(), venueId, host, clock.instant().minus(SESSION_LENGTH).minus(Duration.ofHours(1)));
    }

    protected void cancel(Attended attended) {
        publish(
                Topics.BOOKING_EVENTS,
                attended.bookingId(),
                BookingCancelled.newBuilder()
                        .setBookingId(attended.bookingId())
                        .setSessionId(attended.sessionId())
                        .setGuestId(attended.guest())
                        .setSeats(2)
                        .setCancelledBy("GUEST")
                        .build());
        await().atMost(WAIT).until(() -> "CANCELLED"
                .equals(jdbc.sql("SELECT status FROM bookings WHERE booking_id = :b")
                        .param("b", UUID.fromString(attended.bookingId()))
                        .query(String.class)
                        .single()));
    }

    protected void publish(String topic, String key, Message message) {
        CloudEvent event = ProtobufEvents.wrap("test", key, message, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(topic, event));
    }

    protected static String reviewBody(String bookingId, int rating, String text) {
        return JSON.createObjectNode()
                .put("bookingId", bookingId)
                .put("rating", rating)
                .put("text", text)
                .toString();
    }

    /** Posts a review of {@code attended} and asserts it was created. */
    protected JsonNode review(Attended attended, int rating, String text) throws Exception {
        HttpResponse<String> created =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), rating, text));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    /** A request as the gateway forwards it: with the caller's token, or anonymous when {@code caller} is null. */
    protected HttpResponse<String> send(String method, String path, @Nullable String caller, @Nullable String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("detail").asString()).isNotBlank();
    }
}
