package dev.couchannel.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.couchannel.analytics.survey.application.SurveyPoller;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.BookingRejected;
import dev.couchannel.contracts.hosting.v1.StreamingPackage;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestClock;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
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
 * The analytics service against the test JVM's real PostgreSQL and Kafka, with a clock the tests
 * move. Every integration test class extends this one, so they share one application context. The
 * events are published as the other services publish them, with the moment they happened.
 */
@SpringBootTest(
        classes = {AnalyticsApplication.class, TestClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the tests ask for due surveys themselves (SurveyPoller.askDue), once the facts they script are in
        properties = {"spring.config.name=analytics", "couchannel.analytics.surveys.poll-interval=1h"})
public abstract class RunningAnalytics {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final String ADMIN = "admin@example.com";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "analytics");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected SurveyPoller surveyPoller;

    protected final TestClock clock = TestClock.Config.SHARED;
    protected final HttpClient http = HttpClient.newHttpClient();

    protected static String guest() {
        return "guest-" + UUID.randomUUID() + "@example.com";
    }

    protected static String host() {
        return "host-" + UUID.randomUUID() + "@example.com";
    }

    protected static String id() {
        return UUID.randomUUID().toString();
    }

    // ---- events, as their services publish them ------------------------------------------------

    protected void venue(String venueId, String host, long version, boolean changed, String... providerLicence) {
        Venue.Builder venue = Venue.newBuilder()
                .setId(venueId)
                .setHostId(host)
                .setName("Venue " + venueId.substring(0, 8))
                .setType("COMMERCIAL")
                .setCountry("PL")
                .setCapacity(50)
                .setVersion(version);
        for (int i = 0; i < providerLicence.length; i += 2) {
            venue.addPackages(StreamingPackage.newBuilder()
                    .setProvider(providerLicence[i])
                    .setLicence(providerLicence[i + 1])
                    .setCountry("PL"));
        }
        Message message = changed
                ? VenueChanged.newBuilder()
                        .setVenue(venue)
                        .setAt(WireTime.of(clock.instant()))
                        .build()
                : VenueRegistered.newBuilder()
                        .setVenue(venue)
                        .setAt(WireTime.of(clock.instant()))
                        .build();
        publish(Topics.HOSTING_EVENTS, venueId, message, clock.instant());
    }

    protected void published(String sessionId, String venueId, String host, Instant kickoff, int capacity) {
        publish(
                Topics.INVENTORY_EVENTS,
                sessionId,
                SessionPublished.newBuilder()
                        .setSessionId(sessionId)
                        .setVenueId(venueId)
                        .setHostId(host)
                        .setFixtureId(id())
                        .setCapacity(capacity)
                        .setRefundPolicy("MODERATE")
                        .setKickoff(WireTime.of(kickoff))
                        .setAt(WireTime.of(clock.instant()))
                        .build(),
                clock.instant());
    }

    protected void sessionCancelled(String sessionId, String host, Instant at) {
        publish(
                Topics.INVENTORY_EVENTS,
                sessionId,
                SessionCancelled.newBuilder()
                        .setSessionId(sessionId)
                        .setHostId(host)
                        .setCause(SessionCancellationCause.CANCELLED_BY_HOST)
                        .setReason("the screen broke")
                        .setAt(WireTime.of(at))
                        .build(),
                at);
    }

    protected void confirmed(
            String bookingId, String sessionId, String guest, int seats, String amount, String currency, Instant at) {
        publish(
                Topics.BOOKING_EVENTS,
                bookingId,
                BookingConfirmed.newBuilder()
                        .setBookingId(bookingId)
                        .setSessionId(sessionId)
                        .setGuestId(guest)
                        .setSeats(seats)
                        .setTotal(WireMoney.of(new BigDecimal(amount), Currency.getInstance(currency)))
                        .build(),
                at);
    }

    protected void rejected(String bookingId, String sessionId, String guest, Instant at) {
        publish(
                Topics.BOOKING_EVENTS,
                bookingId,
                BookingRejected.newBuilder()
                        .setBookingId(bookingId)
                        .setSessionId(sessionId)
                        .setGuestId(guest)
                        .setReason("card declined")
                        .build(),
                at);
    }

    protected void cancelled(
            String bookingId,
            String sessionId,
            String guest,
            int seats,
            String by,
            String refund,
            String currency,
            Instant at) {
        publish(
                Topics.BOOKING_EVENTS,
                bookingId,
                BookingCancelled.newBuilder()
                        .setBookingId(bookingId)
                        .setSessionId(sessionId)
                        .setGuestId(guest)
                        .setSeats(seats)
                        .setCancelledBy(by)
                        .setRefund(WireMoney.of(new BigDecimal(refund), Currency.getInstance(currency)))
                        .setHostPenalty(WireMoney.of(BigDecimal.ZERO, Currency.getInstance(currency)))
                        .build(),
                at);
    }

    protected void publish(String topic, String key, Message message, Instant at) {
        CloudEvent event = ProtobufEvents.wrap("test", key, message, at);
        kafka.send(KafkaCloudEvents.toRecord(topic, event)).join();
    }

    // ---- waiting for the read model ------------------------------------------------------------

    protected void awaitBooking(String bookingId, String status) {
        await().atMost(WAIT)
                .until(() -> status.equals(jdbc.sql("SELECT status FROM facts.bookings WHERE booking_id = :id")
                        .param("id", UUID.fromString(bookingId))
                        .query(String.class)
                        .optional()
                        .orElse(null)));
    }

    protected void awaitSession(String sessionId, boolean cancelled) {
        await().atMost(WAIT)
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM facts.sessions
                                WHERE session_id = :id AND kickoff IS NOT NULL AND cancelled = :cancelled
                                """)
                                .param("id", UUID.fromString(sessionId))
                                .param("cancelled", cancelled)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    protected void awaitVenue(String venueId, long version) {
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT count(*) FROM facts.venues WHERE venue_id = :id AND version = :v")
                                .param("id", UUID.fromString(venueId))
                                .param("v", version)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    // ---- HTTP, as the gateway forwards it ------------------------------------------------------

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

    protected JsonNode get(String path, String caller) throws Exception {
        HttpResponse<String> response = send("GET", path, caller, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
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
