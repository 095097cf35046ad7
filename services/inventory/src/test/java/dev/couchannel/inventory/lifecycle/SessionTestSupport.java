package dev.couchannel.inventory.lifecycle;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.ConfirmSeats;
import dev.couchannel.contracts.inventory.v1.HoldSeats;
import dev.couchannel.contracts.inventory.v1.ReleaseSeats;
import dev.couchannel.inventory.InventoryApplication;
import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One inventory (real PostgreSQL and Kafka) in front of fake hosting and compliance gRPC servers,
 * shared by the lifecycle and waitlist tests (same configuration, so Spring starts it once).
 */
@SpringBootTest(
        classes = InventoryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=inventory",
            "spring.grpc.server.port=0",
            "couchannel.holds.expiry-sweep=200ms",
            "couchannel.waitlist.sweep=200ms",
            "couchannel.waitlist.offer-ttl=3s",
            "couchannel.inventory.grpc-deadline=2s",
            "couchannel.inventory.compliance-deadline=5s"
        })
abstract class SessionTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HOST = "host@example.com";
    static final String OTHER_HOST = "other-host@example.com";
    static final String ADMIN = "admin@example.com";
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    static final FakeHosting HOSTING = new FakeHosting();
    static final FakeCompliance COMPLIANCE = new FakeCompliance();
    static final Server HOSTING_SERVER = serve(HOSTING);
    static final Server COMPLIANCE_SERVER = serve(COMPLIANCE);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "inventory_sessions");
        registry.add(
                "spring.grpc.client.channel.hosting.target", () -> "static://localhost:" + HOSTING_SERVER.getPort());
        registry.add(
                "spring.grpc.client.channel.compliance.target",
                () -> "static://localhost:" + COMPLIANCE_SERVER.getPort());
    }

    private static Server serve(io.grpc.BindableService service) {
        try {
            return ServerBuilder.forPort(0).addService(service).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    GrpcServerLifecycle grpc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Sessions sessions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    final HttpClient http = HttpClient.newHttpClient();
    TopicProbe replies;
    TopicProbe events;

    @BeforeEach
    void probes() {
        COMPLIANCE.inventoryGrpcPort = grpc.getPort();
        replies = TopicProbe.on(Topics.BOOKING_REPLIES);
        events = TopicProbe.on(Topics.INVENTORY_EVENTS);
    }

    @AfterEach
    void reset() {
        replies.close();
        events.close();
        HOSTING.down = false;
        COMPLIANCE.down = false;
        COMPLIANCE.refusals.clear();
    }

    UUID upcomingFixture() {
        return fixture(Instant.now().plus(Duration.ofDays(2)));
    }

    UUID fixture(Instant kickoff) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status ->
                fixtures.add(new Fixture(id, "Ekstraklasa", "Legia Warszawa", "Lech Poznań", kickoff, "PL", null)));
        return id;
    }

    static String sessionBody(UUID venueId, UUID fixtureId, int seats) {
        return """
                {"venueId":"%s","fixtureId":"%s","seats":%d,"pricePerSeat":{"amount":"25.00","currency":"PLN"},
                 "refundPolicy":"FLEXIBLE","description":"Salon, pizza w cenie."}
                """.formatted(venueId, fixtureId, seats);
    }

    /** A draft of {@link #HOST} with {@code seats} seats at a fresh venue, through the API. */
    UUID draft(int seats) throws Exception {
        UUID venue = HOSTING.venueOf(HOST, Math.max(seats, 10));
        HttpResponse<String> created = post("/api/sessions", HOST, sessionBody(venue, upcomingFixture(), seats));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(match(ID, created.body()));
    }

    /** A published session of {@link #HOST}, through the API. */
    UUID published(int seats) throws Exception {
        UUID id = draft(seats);
        HttpResponse<String> published = post("/api/sessions/" + id + "/publish", HOST, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return send(path, user, HttpRequest.newBuilder().GET());
    }

    HttpResponse<String> post(String path, String user, String json) throws Exception {
        return send(
                path,
                user,
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path, String user) throws Exception {
        return send(path, user, HttpRequest.newBuilder().DELETE());
    }

    private HttpResponse<String> send(String path, String user, HttpRequest.Builder request) throws Exception {
        request.uri(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":" + status)
                .contains("\"detail\"")
                .doesNotContain("Exception")
                .doesNotContain("at dev.couchannel");
    }

    static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("%s in %s", pattern, body).isTrue();
        return matcher.group(1);
    }

    long sessionsOf(String hostId) {
        return jdbc.sql("SELECT count(*) FROM viewing_sessions WHERE host_id = :host")
                .param("host", hostId)
                .query(Long.class)
                .single();
    }

    ViewingSession session(UUID id) {
        return sessions.find(id).orElseThrow();
    }

    Seats seats(UUID id) {
        return session(id).seats();
    }

    // --- the booking saga's seat commands, over the real broker

    void hold(UUID session, UUID booking, int seats) {
        send(session, holdSeats(session, booking, seats).build());
    }

    HoldSeats.Builder holdSeats(UUID session, UUID booking, int seats) {
        return HoldSeats.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(session.toString())
                .setSeats(seats)
                .setHoldUntil(WireTime.of(Instant.now().plus(Duration.ofMinutes(10))));
    }

    void confirm(UUID session, UUID booking) {
        send(
                session,
                ConfirmSeats.newBuilder()
                        .setBookingId(booking.toString())
                        .setSessionId(session.toString())
                        .build());
    }

    void release(UUID session, UUID booking) {
        send(
                session,
                ReleaseSeats.newBuilder()
                        .setBookingId(booking.toString())
                        .setSessionId(session.toString())
                        .setReason("booking cancelled")
                        .build());
    }

    void send(UUID session, Message command) {
        CloudEvent event = ProtobufEvents.wrap("booking", session.toString(), command, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(Topics.INVENTORY_COMMANDS, event));
    }

    ConsumerRecord<String, byte[]> reply(UUID booking, String type) {
        return replies.await(
                record -> booking.toString().equals(record.key())
                        && ("couchannel.inventory.v1." + type).equals(header(record, "ce_type")),
                WAIT);
    }

    ConsumerRecord<String, byte[]> event(UUID session, String type) {
        return events.await(
                record -> session.toString().equals(record.key())
                        && ("couchannel.inventory.v1." + type).equals(header(record, "ce_type")),
                WAIT);
    }

    long eventsOf(UUID session, String type) {
        return events.records().stream()
                .filter(record -> session.toString().equals(record.key())
                        && ("couchannel.inventory.v1." + type).equals(header(record, "ce_type")))
                .count();
    }
}
