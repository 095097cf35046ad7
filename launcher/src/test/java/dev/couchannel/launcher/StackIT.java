package dev.couchannel.launcher;

import static dev.couchannel.launcher.StackClient.ID;
import static dev.couchannel.launcher.StackClient.STATUS;
import static dev.couchannel.launcher.StackClient.WAIT;
import static dev.couchannel.launcher.StackClient.demoId;
import static dev.couchannel.launcher.StackClient.match;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.platform.embedded.Ports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The system test: boots the whole stack as {@code ./couchannel up} does (embedded PostgreSQL,
 * Kafka, Redis and SMTP, every service in this JVM, demo data) and drives it through the gateway
 * only, like a client would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    @TempDir
    static Path data;

    static Stack stack;
    static StackClient client;
    static String confirmedBooking;

    final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    @BeforeAll
    static void up() throws Exception {
        stack = Stack.start(StackConfig.forTests(data));
        client = new StackClient(stack);
        assertThat(Launcher.awaitReady(stack.gateway().resolve("/readinessz"), WAIT))
                .isTrue();
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    @Order(1)
    void theGatewayIsHealthyAndListsTheDemoSessions() throws Exception {
        assertThat(client.get("/healthz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> sessions = client.get("/api/sessions?status=PUBLISHED&size=100", null);
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("\"total\":12");
        assertThat(client.get("/api/fixtures", null).body()).contains("Legia Warszawa");
        // the BFF view joins hosting, pricing and review over gRPC, each call carrying the gateway's service token
        HttpResponse<String> view = client.get("/api/sessions/" + firstSessionId(), null);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body())
                .contains("\"venue\":{")
                .contains("\"perSeat\":{")
                .contains("\"rating\":{\"average\":0.0,\"count\":0}")
                .contains("\"degraded\":[]");
        // search's read model learns the demo catalogue from inventory's and hosting's events alone
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        client.get("/api/search/sessions?q=Arsenl&lat=51.5&lon=-0.12&radiusKm=50", null)
                                .body())
                .contains("\"homeTeam\":\"Arsenal\"")
                .contains("\"venue\":{"));
    }

    @Test
    @Order(2)
    void aBookingThroughTheGatewayIsConfirmed() throws Exception {
        String sessionId = firstSessionId();
        int seatsBefore = client.seatsLeft(sessionId);

        HttpResponse<String> accepted = client.book("guest@example.com", sessionId, 2);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        confirmedBooking = match(ID, accepted.body());

        assertThat(client.awaitDecision("guest@example.com", confirmedBooking)).isEqualTo("CONFIRMED");
        assertThat(client.seatsLeft(sessionId)).isEqualTo(seatsBefore - 2);
        assertThat(client.get("/api/bookings/" + confirmedBooking, "guest2@example.com")
                        .statusCode())
                .isEqualTo(404);
        // review learnt of the booking and its session from their events: it knows the match is still to come
        String review = "{\"bookingId\":\"" + confirmedBooking + "\",\"rating\":5,\"text\":\"Can't wait!\"}";
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        client.post("/api/reviews", "guest@example.com", review).body())
                .contains("\"reason\":\"TOO_EARLY\""));
        // recommendation's Kafka Streams stores learnt of it too: never again for this guest, popular for others
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> forOthers = client.get("/api/me/recommendations?limit=50", "guest2@example.com");
            assertThat(forOthers.statusCode()).as(forOthers.body()).isEqualTo(200);
            assertThat(forOthers.body())
                    .contains("{\"sessionId\":\"" + sessionId + "\"")
                    .contains("\"POPULAR\"");
            assertThat(client.get("/api/me/recommendations?limit=50", "guest@example.com")
                            .body())
                    .startsWith("{\"sessions\":[{")
                    .doesNotContain(sessionId);
        });
    }

    @Test
    @Order(3)
    void aCancelledBookingIsRefundedInFullUnderAFlexiblePolicyAndItsSeatsComeBack() throws Exception {
        // Champions League in a Berlin flat, flexible refunds, kickoff days away
        String sessionId = demoId("session:5").toString();
        int seatsBefore = client.seatsLeft(sessionId);
        String bookingId =
                match(ID, client.book("guest@example.com", sessionId, 2).body());
        assertThat(client.awaitDecision("guest@example.com", bookingId)).isEqualTo("CONFIRMED");

        HttpResponse<String> cancelled = http.send(
                HttpRequest.newBuilder(stack.gateway().resolve("/api/bookings/" + bookingId + "/cancel"))
                        .header("Authorization", client.bearer("guest@example.com"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        String total = match(Pattern.compile("\"total\":\\{\"amount\":\"([0-9.]+)\""), cancelled.body());
        assertThat(cancelled.body()).contains("\"refund\":{\"amount\":\"" + total + "\"");
        await().atMost(WAIT).until(() -> client.seatsLeft(sessionId) == seatsBefore);
        await().atMost(WAIT)
                .until(
                        () -> client.get("/api/payments/" + bookingId, "guest@example.com")
                                .body(),
                        payment -> payment.contains("\"status\":\"REFUNDED\"")
                                && payment.contains("\"refunded\":{\"amount\":\"" + total + "\""));
    }

    @Test
    @Order(3)
    void aDeclinedCardRejectsWithItsReasonAndTheSeatsComeBack() throws Exception {
        String sessionId = firstSessionId();
        int seatsBefore = client.seatsLeft(sessionId);

        HttpResponse<String> accepted = client.book("guest@example.com", sessionId, 3, "pm_card_declined");
        String bookingId = match(ID, accepted.body());

        assertThat(client.awaitDecision("guest@example.com", bookingId)).isEqualTo("REJECTED");
        assertThat(client.get("/api/bookings/" + bookingId, "guest@example.com").body())
                .contains("\"reason\":\"Your card was declined.\"");
        await().atMost(WAIT).until(() -> client.seatsLeft(sessionId) == seatsBefore);
    }

    @Test
    @Order(3)
    void aHostPlansPublishesPastComplianceAndCancelsASession() throws Exception {
        // the demo bar in Praga (commercial licence) for Legia - Lech
        String plan = """
                {"venueId": "%s", "fixtureId": "%s", "seats": 20,
                 "pricePerSeat": {"amount": "30.00", "currency": "PLN"}, "refundPolicy": "MODERATE",
                 "description": "Derby night"}
                """.formatted(demoId("venue:warsaw-praga-bar:0"), demoId("fixture:2"));
        HttpResponse<String> planned = client.post("/api/sessions", "host@example.com", plan);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        assertThat(match(STATUS, planned.body())).isEqualTo("DRAFT");
        String sessionId = match(ID, planned.body());
        assertThat(client.get("/api/sessions/" + sessionId, null).statusCode()).isEqualTo(404);
        assertThat(client.post("/api/sessions", "guest@example.com", plan).statusCode())
                .isEqualTo(403);

        HttpResponse<String> published =
                client.post("/api/sessions/" + sessionId + "/publish", "host@example.com", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(match(STATUS, published.body())).isEqualTo("PUBLISHED");
        assertThat(client.seatsLeft(sessionId)).isEqualTo(20);

        HttpResponse<String> cancelled = client.post(
                "/api/sessions/" + sessionId + "/cancel", "host@example.com", "{\"reason\":\"Flooded cellar\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(client.get("/api/sessions/" + sessionId, null).body()).contains("\"status\":\"CANCELLED\"");
    }

    @Test
    @Order(3)
    void aSessionTheBroadcastingRulesForbidStaysADraftAndTheHostIsToldWhy() throws Exception {
        // a pub showing football on a home subscription: the licence does not cover it
        HttpResponse<String> venue = client.post("/api/venues", "host@example.com", """
                {"name": "Pub pod Kogutem", "type": "COMMERCIAL", "address": "ul. Długa 3",
                 "city": "Gdańsk", "country": "PL", "lat": 54.349, "lon": 18.653,
                 "capacity": 60, "screens": 2, "largestScreenInches": 65, "speakers": 4,
                 "packages": [{"provider": "Canal+", "licence": "RESIDENTIAL", "country": "PL"}]}
                """);
        assertThat(venue.statusCode()).as(venue.body()).isEqualTo(201);
        HttpResponse<String> planned = client.post(
                "/api/sessions", "host@example.com", """
                {"venueId": "%s", "fixtureId": "%s", "seats": 30,
                 "pricePerSeat": {"amount": "25.00", "currency": "PLN"}, "refundPolicy": "FLEXIBLE",
                 "description": "Big screen"}
                """.formatted(match(ID, venue.body()), demoId("fixture:2")));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String sessionId = match(ID, planned.body());

        HttpResponse<String> refused = client.post("/api/sessions/" + sessionId + "/publish", "host@example.com", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"ruleId\":\"commercial-needs-commercial@1\"");
        assertThat(client.get("/api/sessions/" + sessionId, "host@example.com").body())
                .contains("\"status\":\"DRAFT\"");
    }

    @Test
    @Order(3)
    void aGuestSeesTheirBookingConfirmedLiveAndTheConfirmationLandsInTheMailbox() throws Exception {
        String sessionId = sessionWithSeats(10).toString();
        try (EventStream mine = EventStream.open(
                        http, stack.gateway().resolve("/api/me/events"), client.bearer("guest2@example.com"));
                EventStream seats = EventStream.open(
                        http, stack.gateway().resolve("/api/sessions/" + sessionId + "/events"), null)) {
            String booking =
                    match(ID, client.book("guest2@example.com", sessionId, 3).body());

            EventStream.Event confirmed = mine.next(
                    event -> event.name().equals("booking")
                            && event.data().contains(booking)
                            && event.data().contains("\"status\":\"CONFIRMED\""),
                    WAIT);
            // the saga finished when booking stored the decision
            java.time.Instant decided = stack.bean("booking", JdbcClient.class)
                    .sql("SELECT updated_at FROM bookings WHERE id = :id AND status = 'CONFIRMED'")
                    .param("id", UUID.fromString(booking))
                    .query(java.sql.Timestamp.class)
                    .single()
                    .toInstant();
            assertThat(java.time.Duration.between(decided, confirmed.arrived()))
                    .as("from the saga's decision to the browser")
                    .isLessThan(java.time.Duration.ofSeconds(1));
            assertThat(seats.next(
                                    event -> event.name().equals("seats")
                                            && event.data().contains("\"seatsLeft\":7"),
                                    WAIT)
                            .data())
                    .contains("\"capacity\":10");

            // the confirmation mail, with its calendar invite, in the developer's mailbox
            String mail = await().atMost(WAIT)
                    .until(
                            () -> http.send(
                                            HttpRequest.newBuilder(
                                                            stack.mailbox().resolve("/api/messages"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body(),
                            list -> list.contains("\"to\":[\"guest2@example.com\"]")
                                    && list.contains("Legia Warszawa"));
            assertThat(mail).contains("Booking confirmed");
        }
        // and the in-app inbox, through the gateway
        assertThat(client.get("/api/me/notifications", "guest2@example.com").body())
                .contains("BOOKING_CONFIRMED");
    }

    @Test
    @Order(3)
    void aVenuePhotoGoesToTheEmbeddedS3ServerAndIsServedThroughTheGateway() throws Exception {
        HttpResponse<String> venue = client.post("/api/venues", "host@example.com", """
                {"name": "Bar Mleczny", "type": "COMMERCIAL", "address": "ul. Krótka 1",
                 "city": "Kraków", "country": "PL", "lat": 50.06, "lon": 19.94,
                 "capacity": 30, "screens": 1, "largestScreenInches": 75, "speakers": 2, "packages": []}
                """);
        String photos = "/api/venues/" + match(ID, venue.body()) + "/photos";
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> uploaded = http.send(
                HttpRequest.newBuilder(stack.gateway().resolve(photos))
                        .header("Authorization", client.bearer("host@example.com"))
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<byte[]> served = http.send(
                HttpRequest.newBuilder(stack.gateway()
                                .resolve(match(Pattern.compile("\"url\":\"([^\"]+)\""), uploaded.body())))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png.toByteArray());
        assertThat(served.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("public", "immutable"));
        assertThat(stack.infrastructure().s3().dataDir().resolve("couchannel-photos"))
                .isDirectory();
    }

    @Test
    @Order(3)
    void aHostCancellingASessionRefundsEveryGuestInFullAndPaysAPenalty() throws Exception {
        String sessionId = sessionWithSeats(10).toString();
        String booking =
                match(ID, client.book("guest@example.com", sessionId, 2).body());
        assertThat(client.awaitDecision("guest@example.com", booking)).isEqualTo("CONFIRMED");
        String total = match(
                Pattern.compile("\"total\":\\{\"amount\":\"([0-9.]+)\""),
                client.get("/api/bookings/" + booking, "guest@example.com").body());

        HttpResponse<String> cancelled = client.post(
                "/api/sessions/" + sessionId + "/cancel", "host@example.com", "{\"reason\":\"The projector died\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        String settled = await().atMost(WAIT)
                .until(
                        () -> client.get("/api/bookings/" + booking, "guest@example.com")
                                .body(),
                        body -> body.contains("\"refundStatus\":\"SETTLED\""));
        assertThat(settled)
                .contains("\"status\":\"CANCELLED\"")
                .contains("\"cancelledBy\":\"HOST\"")
                .contains("The projector died")
                .contains("\"refund\":{\"amount\":\"" + total + "\"");
        assertThat(client.get("/api/payments/" + booking, "guest@example.com").body())
                .contains("\"status\":\"REFUNDED\"")
                .contains("\"refunded\":{\"amount\":\"" + total + "\"");
        BigDecimal penalty = stack.bean("payment", JdbcClient.class)
                .sql("""
                        SELECT coalesce(sum(l.amount), 0) FROM journal_legs l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.booking_id = :booking AND l.account = 'platform_revenue' AND e.kind = 'PENALTY'
                        """)
                .param("booking", UUID.fromString(booking))
                .query(BigDecimal.class)
                .single();
        assertThat(penalty.negate())
                .as("20 %% of the booking, credited to the platform")
                .isEqualByComparingTo(
                        new BigDecimal(total).multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_EVEN));
    }

    @Test
    @Order(3)
    void aGuestOnTheWaitlistGetsFreedSeatsAndPaysOnlyWhenAccepting() throws Exception {
        String sessionId = sessionWithSeats(2).toString();
        String first = match(ID, client.book("guest@example.com", sessionId, 2).body());
        assertThat(client.awaitDecision("guest@example.com", first)).isEqualTo("CONFIRMED");

        HttpResponse<String> joined =
                client.post("/api/sessions/" + sessionId + "/waitlist", "guest2@example.com", "{\"seats\":2}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        assertThat(client.post("/api/bookings/" + first + "/cancel", "guest@example.com", null)
                        .statusCode())
                .isEqualTo(200);

        String offered = await().atMost(WAIT)
                .until(
                        () -> client.get("/api/sessions/" + sessionId + "/waitlist/me", "guest2@example.com")
                                .body(),
                        body -> body.contains("\"status\":\"OFFERED\""));
        String offer = match(Pattern.compile("\"offer\":\\{\"id\":\"([0-9a-f-]{36})\""), offered);
        assertThat(client.seatsLeft(sessionId)).as("the offer holds the seats").isZero();
        assertThat(client.book("guest@example.com", sessionId, 1).body())
                .as("nobody else gets them meanwhile")
                .satisfies(body -> assertThat(client.awaitDecision("guest@example.com", match(ID, body)))
                        .isEqualTo("REJECTED"));

        String accepted = match(
                ID,
                client.book(
                                "guest2@example.com",
                                "{\"sessionId\":\"" + sessionId + "\",\"seats\":2,\"paymentMethod\":\"pm_card_visa\","
                                        + "\"waitlistOfferId\":\"" + offer + "\"}")
                        .body());
        assertThat(client.awaitDecision("guest2@example.com", accepted)).isEqualTo("CONFIRMED");
        assertThat(client.get("/api/payments/" + accepted, "guest2@example.com").body())
                .contains("\"status\":\"CAPTURED\"");
        assertThat(client.seatsLeft(sessionId)).isZero();
    }

    @Test
    @Order(3)
    void badBookingRequestsAreProblemsThatWriteNothing() throws Exception {
        String sessionId = sessionWithSeats(5).toString();
        JdbcClient bookings = stack.bean("booking", JdbcClient.class);
        long before =
                bookings.sql("SELECT count(*) FROM bookings").query(Long.class).single();

        for (HttpResponse<String> response : List.of(
                client.book("guest@example.com", sessionId, -1),
                client.book("guest@example.com", sessionId, 6),
                client.book("guest@example.com", UUID.randomUUID().toString(), 1),
                client.book("guest@example.com", "{\"sessionId\": \"" + sessionId + "\", \"seats\": "),
                client.book("guest@example.com", "{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"))) {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"detail\"");
        }
        assertThat(bookings.sql("SELECT count(*) FROM bookings")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(client.seatsLeft(sessionId)).isEqualTo(5);
    }

    @Test
    @Order(4)
    void ofOneHundredConcurrentBookingsForTenSeatsExactlyTenAreConfirmed() throws Exception {
        UUID sessionId = sessionWithSeats(10);

        Map<String, String> guestOfBooking = bookConcurrently(sessionId, 100);

        Map<String, Long> outcomes = guestOfBooking.entrySet().stream()
                .collect(Collectors.groupingBy(
                        entry -> client.awaitDecision(entry.getValue(), entry.getKey()), Collectors.counting()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 10L, "REJECTED", 90L));
        assertThat(client.seatsLeft(sessionId.toString())).isZero();
        assertThat(stack.bean("inventory", Sessions.class)
                        .find(sessionId)
                        .orElseThrow()
                        .seats())
                .isEqualTo(new Seats(10, 0, 0, 10));
    }

    @Test
    @Order(5)
    void ofFiveHundredConcurrentBookingsForFiftySeatsExactlyFiftyAreConfirmedAndTheRestToldWhy() throws Exception {
        // a bar registered through the API, big enough that only the seats limit the crowd
        HttpResponse<String> venue = http.send(
                HttpRequest.newBuilder(stack.gateway().resolve("/api/venues"))
                        .header("Authorization", client.bearer("host@example.com"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"name": "Bar na Pradze", "type": "COMMERCIAL", "address": "ul. Ząbkowska 27",
                                 "city": "Warszawa", "country": "PL", "lat": 52.2508, "lon": 21.0442,
                                 "capacity": 120, "screens": 3, "largestScreenInches": 85, "speakers": 6,
                                 "packages": [{"provider": "Canal+", "licence": "COMMERCIAL", "country": "PL"}]}
                                """))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(venue.statusCode()).as(venue.body()).isEqualTo(201);
        UUID sessionId = client.sessionWithSeats(50, UUID.fromString(match(ID, venue.body())));

        Map<String, String> guestOfBooking = bookConcurrently(sessionId, 500);

        Map<String, List<String>> reasons = new HashMap<>();
        guestOfBooking.forEach((booking, guest) -> {
            String status = client.awaitDecision(guest, booking);
            reasons.computeIfAbsent(status, s -> new ArrayList<>()).add(booking);
        });
        assertThat(reasons.get("CONFIRMED")).hasSize(50);
        assertThat(reasons.get("REJECTED")).hasSize(450);
        for (String rejected : reasons.get("REJECTED").subList(0, 20)) {
            assertThat(client.get("/api/bookings/" + rejected, guestOfBooking.get(rejected))
                            .body())
                    .contains("\"reason\":\"This session is sold out.\"");
        }
        assertThat(client.seatsLeft(sessionId.toString())).isZero();
    }

    @Test
    @Order(6)
    void aRestartKeepsTheBookingsAndLeavesNoPortTaken() throws Exception {
        Map<String, URI> before = stack.serviceUrls();
        String published = publishedSessions();
        stack.close();
        before.values().forEach(url -> assertThat(Ports.isFree(url.getPort()))
                .as(url + " released")
                .isTrue());

        stack = Stack.start(StackConfig.forTests(data));
        client = new StackClient(stack);
        assertThat(Launcher.awaitReady(stack.gateway().resolve("/readinessz"), WAIT))
                .isTrue();

        HttpResponse<String> booking = client.get("/api/bookings/" + confirmedBooking, "guest@example.com");
        assertThat(booking.statusCode()).isEqualTo(200);
        assertThat(match(STATUS, booking.body())).isEqualTo("CONFIRMED");
        // demo data is loaded once, not again on the second start
        assertThat(publishedSessions()).isEqualTo(published);
    }

    private String publishedSessions() throws Exception {
        return match(
                Pattern.compile("\"total\":(\\d+)"),
                client.get("/api/sessions?status=PUBLISHED&size=1", null).body());
    }

    /** {@code count} guests book one seat each, all at once; returns each booking's guest. */
    private Map<String, String> bookConcurrently(UUID sessionId, int count) throws Exception {
        List<Future<HttpResponse<String>>> requests = new ArrayList<>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String guest = "fan" + i + "@example.com";
                requests.add(clients.submit(() -> client.book(guest, sessionId.toString(), 1)));
            }
        }
        Map<String, String> guestOfBooking = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            HttpResponse<String> response = requests.get(i).get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            guestOfBooking.put(match(ID, response.body()), "fan" + i + "@example.com");
        }
        return guestOfBooking;
    }

    private UUID sessionWithSeats(int seats) {
        return client.sessionWithSeats(seats, demoId("venue:krakow-kazimierz-loft:0"));
    }

    /**
     * A demo session the broadcasting rules allow at any time of the week: Ekstraklasa in a
     * Gdańsk home with a Polish residential package (a UK Saturday 3 pm kickoff would be refused).
     */
    private String firstSessionId() {
        return demoId("session:11").toString();
    }
}
