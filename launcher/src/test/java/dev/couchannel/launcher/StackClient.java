package dev.couchannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/** What system tests do to a running stack: call the gateway as a client would, and plant sessions. */
final class StackClient {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private final LocalTokens tokens;

    StackClient(Stack stack) {
        this.stack = stack;
        this.tokens = new LocalTokens(stack.serviceUrls().get("identity"));
    }

    /** {@code Bearer <token>} for {@code user}: a real access token from identity. */
    String bearer(String user) {
        return tokens.bearer(user);
    }

    HttpResponse<String> get(String path, @Nullable String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.gateway().resolve(path));
        if (user != null) {
            request.header("Authorization", bearer(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String user, @Nullable String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(stack.gateway().resolve(path))
                        .header("Authorization", bearer(user))
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> book(String guest, String sessionId, int seats) throws Exception {
        return book(guest, sessionId, seats, "pm_card_visa");
    }

    HttpResponse<String> book(String guest, String sessionId, int seats, String card) throws Exception {
        return book(
                guest,
                "{\"sessionId\":\"" + sessionId + "\",\"seats\":" + seats + ",\"paymentMethod\":\"" + card + "\"}");
    }

    /**
     * {@code POST /api/bookings} with a fresh Idempotency-Key, repeated with the same key the way the
     * API asks a client to, while the answer says to: the gateway gave up waiting (504) or could not
     * reach booking (503), the answer broke off, or the first request with the key is still in
     * progress (409). On a loaded machine a crowd of 500 can make booking answer after the gateway's 10 s.
     */
    HttpResponse<String> book(String guest, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.gateway().resolve("/api/bookings"))
                .header("Authorization", bearer(guest))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return await().atMost(WAIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                // a response the gateway broke off (booking's answer came as its deadline passed)
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()), StackClient::answered);
    }

    private static boolean answered(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 503, 504 -> false;
            case 409 -> !response.body().contains("\"title\":\"Request in progress\"");
            default -> true;
        };
    }

    /** Polls the booking until the saga decided it; returns CONFIRMED or REJECTED. */
    String awaitDecision(String guest, String bookingId) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> match(
                                STATUS, get("/api/bookings/" + bookingId, guest).body()),
                        status -> !"PENDING".equals(status));
    }

    int seatsLeft(String sessionId) throws Exception {
        return Integer.parseInt(match(
                Pattern.compile("\"seatsLeft\":(\\d+)"),
                get("/api/sessions/" + sessionId, null).body()));
    }

    /** A published Ekstraklasa session with {@code seats} seats at {@code venueId}, planted in inventory. */
    UUID sessionWithSeats(int seats, UUID venueId) {
        UUID fixtureId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        stack.bean("inventory", TransactionTemplate.class).executeWithoutResult(status -> {
            stack.bean("inventory", Fixtures.class)
                    .add(new Fixture(
                            fixtureId,
                            "Ekstraklasa",
                            "Legia Warszawa",
                            "Lech Poznań",
                            Instant.now().plusSeconds(7200),
                            "PL",
                            null));
            stack.bean("inventory", Sessions.class)
                    .add(ViewingSession.publish(
                            sessionId,
                            fixtureId,
                            venueId,
                            "host@example.com",
                            seats,
                            Money.of("40.00", "PLN"),
                            RefundPolicy.FLEXIBLE,
                            "Flash crowd"));
        });
        return sessionId;
    }

    /** The ids the demo data gives its sessions, venues and fixtures. */
    static UUID demoId(String thing) {
        return UUID.nameUUIDFromBytes(("couchannel-demo:" + thing).getBytes(StandardCharsets.UTF_8));
    }

    static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
