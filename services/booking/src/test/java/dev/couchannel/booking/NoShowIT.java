package dev.couchannel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Money;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.booking.v1.GuestNoShow;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/bookings/{id}/no-show} and {@code GET /api/sessions/{id}/bookings} over the real database and
 * broker; the test plays inventory's catalog (who hosts a session, when it kicks off).
 */
@SpringBootTest(
        classes = BookingApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=booking",
            // the first call opens the channel; on a busy test machine that alone can take a second
            "couchannel.booking.session-check-deadline=5s"
        })
class NoShowIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HOST = "host-noshow@example.com";
    static final FakeSessionCatalog CATALOG = FakeSessionCatalog.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "booking");
        registry.add("spring.grpc.client.channel.inventory.target", CATALOG::target);
    }

    @LocalServerPort
    int port;

    @Autowired
    Bookings bookings;

    @Autowired
    TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theHostRecordsAConfirmedGuestOnceAndGuestNoShowIsPublishedOnce() throws Exception {
        Booking booking = confirmedBookingOfASessionThatKickedOff(Duration.ofHours(2));
        try (TopicProbe events = TopicProbe.on(Topics.BOOKING_EVENTS)) {
            HttpResponse<String> first = noShow(booking.id(), HOST);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).contains("\"bookingId\":\"" + booking.id() + "\"", "\"seats\":2");

            GuestNoShow published = GuestNoShow.parseFrom(
                    events.await(noShowOf(booking.id()), WAIT).value());
            assertThat(published.getGuestId()).isEqualTo("guest@example.com");
            assertThat(published.getHostId()).isEqualTo(HOST);
            assertThat(published.getSessionId()).isEqualTo(booking.sessionId().toString());

            HttpResponse<String> again = noShow(booking.id(), HOST);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            List<ConsumerRecord<String, byte[]>> all = events.readToEnd(Duration.ofSeconds(5));
            assertThat(all.stream().filter(noShowOf(booking.id()))).hasSize(1);
        }
    }

    @Test
    void anotherHostGetsNotFoundAGuestForbiddenAndNoTokenUnauthorized() throws Exception {
        Booking booking = confirmedBookingOfASessionThatKickedOff(Duration.ofHours(1));

        assertProblem(noShow(booking.id(), "other-host@example.com"), 404);
        assertProblem(noShow(booking.id(), "guest2@example.com"), 403);
        assertProblem(noShow(booking.id(), null), 401);
        assertProblem(noShow(UUID.randomUUID(), HOST), 404);
    }

    @Test
    void tooEarlyTooLateAndUnconfirmedBookingsAreConflicts() throws Exception {
        Booking early = confirmedBookingOfASessionThatKickedOff(Duration.ofHours(-1));
        Booking late = confirmedBookingOfASessionThatKickedOff(Duration.ofHours(73));
        Booking pending = booking(Duration.ofHours(1), false);

        assertThat(assertProblem(noShow(early.id(), HOST), 409)).contains("\"reason\":\"TOO_EARLY\"");
        assertThat(assertProblem(noShow(late.id(), HOST), 409)).contains("\"reason\":\"TOO_LATE\"");
        assertThat(assertProblem(noShow(pending.id(), HOST), 409)).contains("\"reason\":\"NOT_CONFIRMED\"");
    }

    @Test
    void aBookingIdThatIsNoUuidIsABadRequest() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings/not-a-uuid/no-show"))
                        .header("Authorization", TestTokens.bearer(HOST))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 400);
    }

    @Test
    void aSessionIdThatIsNoUuidIsABadRequestWhenListingItsBookings() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sessions/not-a-uuid/bookings"))
                        .header("Authorization", TestTokens.bearer(HOST))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 400);
    }

    @Test
    void theHostListsTheSessionsBookingsWithMaskedGuestsAndTheNoShows() throws Exception {
        Booking came = confirmedBookingOfASessionThatKickedOff(Duration.ofHours(1));
        Booking absent = booking(came.sessionId(), "absent-guest@example.com", true);
        Booking pending = booking(came.sessionId(), "zed@example.com", false);
        assertThat(noShow(absent.id(), HOST).statusCode()).isEqualTo(200);

        HttpResponse<String> listed = sessionBookings(came.sessionId(), HOST);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(listed.body());
        assertThat(body.get("sessionId").asText()).isEqualTo(came.sessionId().toString());
        JsonNode items = body.get("bookings");
        assertThat(items).hasSize(3);
        assertThat(listed.body()).doesNotContain("guest@example.com", "absent-guest@", "zed@");
        assertThat(items.get(0).get("id").asText()).isEqualTo(came.id().toString());
        assertThat(items.get(0).get("guest").asText()).isEqualTo("g***@example.com");
        assertThat(items.get(0).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(items.get(0).has("noShowAt")).isFalse();
        assertThat(items.get(1).get("id").asText()).isEqualTo(absent.id().toString());
        assertThat(items.get(1).get("guest").asText()).isEqualTo("a***@example.com");
        assertThat(items.get(1).get("noShowAt").asText()).isNotBlank();
        assertThat(items.get(2).get("id").asText()).isEqualTo(pending.id().toString());
        assertThat(items.get(2).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aSessionsBookingsAreItsHostsAndAdminsOnly() throws Exception {
        Booking booking = confirmedBookingOfASessionThatKickedOff(Duration.ofHours(1));

        HttpResponse<String> admin = sessionBookings(booking.sessionId(), "admin@example.com");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).contains(booking.id().toString());
        assertProblem(sessionBookings(booking.sessionId(), "other-host@example.com"), 404);
        assertProblem(sessionBookings(booking.sessionId(), "guest2@example.com"), 403);
        assertProblem(sessionBookings(booking.sessionId(), null), 401);
        assertProblem(sessionBookings(UUID.randomUUID(), HOST), 404);
    }

    private HttpResponse<String> sessionBookings(UUID session, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/sessions/" + session + "/bookings"))
                .GET();
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Booking booking(UUID session, String guest, boolean confirmed) {
        Instant created = Instant.now().minus(Duration.ofDays(4));
        Booking booking = Booking.request(UUID.randomUUID(), guest, session, 1, "pm_card_visa", null, null, created);
        if (confirmed) {
            booking.price(Money.of("15.00", "EUR"), created);
            booking.confirm(created);
        }
        transactions.executeWithoutResult(tx -> bookings.add(booking));
        return booking;
    }

    private Booking confirmedBookingOfASessionThatKickedOff(Duration ago) {
        return booking(ago, true);
    }

    private Booking booking(Duration kickedOffAgo, boolean confirmed) {
        UUID session = UUID.randomUUID();
        CATALOG.hosted(session.toString(), HOST, Instant.now().minus(kickedOffAgo));
        Instant created = Instant.now().minus(Duration.ofDays(5));
        Booking booking = Booking.request(
                UUID.randomUUID(), "guest@example.com", session, 2, "pm_card_visa", null, null, created);
        if (confirmed) {
            booking.price(Money.of("30.00", "EUR"), created);
            booking.confirm(created);
        }
        transactions.executeWithoutResult(tx -> bookings.add(booking));
        return booking;
    }

    private HttpResponse<String> noShow(UUID booking, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/bookings/" + booking + "/no-show"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> noShowOf(UUID booking) {
        return record -> booking.toString().equals(record.key())
                && "couchannel.booking.v1.GuestNoShow".equals(TopicProbe.header(record, "ce_type"));
    }

    private static String assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return response.body();
    }
}
