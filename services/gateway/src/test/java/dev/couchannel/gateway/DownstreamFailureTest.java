package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A gateway whose booking service is gone and whose inventory service can be made to hang. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "COUCHANNEL_LOG_FORMAT=plain",
            "couchannel.gateway.request-timeout=500ms",
            "couchannel.gateway.readiness-timeout=300ms",
            "couchannel.security.issuer=" + Tokens.ISSUER,
            "couchannel.gateway.rate-limits.enabled=false"
        })
class DownstreamFailureTest {

    static final URI BOOKING = FakeService.unreachable();
    static final FakeService INVENTORY = FakeService.start();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("couchannel.gateway.routes.booking", BOOKING::toString);
        registry.add(
                "couchannel.gateway.routes.inventory", () -> INVENTORY.base().toString());
        registry.add(
                "couchannel.gateway.routes.identity", () -> INVENTORY.base().toString());
        registry.add(
                "couchannel.gateway.routes.notification", () -> INVENTORY.base().toString());
        registry.add("couchannel.security.jwk-set", Tokens::jwkSet);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHangingAnswers() {
        release.countDown();
        INVENTORY.reset();
    }

    @AfterAll
    static void stop() {
        INVENTORY.close();
    }

    @Test
    void anUnreachableServiceIsA503Problem() throws Exception {
        HttpResponse<String> response = get("/api/bookings/b-1");

        GatewayTestSupport.assertProblem(response, 503);
        assertThat(json.readTree(response.body()).path("detail").asString())
                .isEqualTo("The booking service is unavailable; try again shortly.");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504ProblemSayingHowToRepeatTheRequestSafely() throws Exception {
        INVENTORY.answer(exchange -> {
            await(release);
            FakeService.respond(exchange, 200, "application/json", "[]");
        });

        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/fixtures");

        GatewayTestSupport.assertProblem(response, 504);
        assertThat(json.readTree(response.body()).path("detail").asString())
                .isEqualTo(
                        "The inventory service did not answer within 500 ms and may still complete the request."
                                + " Repeat it with the same Idempotency-Key, or check its result, rather than sending a new one.");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServiceThatBreaksOffMidAnswerBreaksTheResponseInsteadOfTruncatingIt() throws Exception {
        INVENTORY.answer(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("[{\"id\":1},".getBytes(StandardCharsets.UTF_8));
            body.flush();
            await(release);
        });

        assertThatThrownBy(() -> get("/api/fixtures")).isInstanceOf(IOException.class);
    }

    @Test
    void anEventStreamPassesThroughAsItComesAndOutlivesTheRequestTimeout() throws Exception {
        CountDownLatch firstEventSeen = new CountDownLatch(1);
        INVENTORY.answer(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            write(body, "event: booking\ndata: {\"status\":\"PENDING\"}\n\n");
            // the second event does not exist until the caller has the first: nothing is buffered
            await(firstEventSeen);
            // a quiet stream, kept open by heartbeats well past the 500 ms request timeout; the
            // pauses stand for time passing at the service, the test waits on what it reads
            for (int beat = 0; beat < 6; beat++) {
                write(body, ":\n\n");
                pause(Duration.ofMillis(200));
            }
            write(body, "event: booking\ndata: {\"status\":\"CONFIRMED\"}\n\n");
        });

        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me/events"))
                        .header("Authorization", "Bearer " + Tokens.guest("guest@example.com"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (java.io.BufferedReader lines =
                new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(nextData(lines)).isEqualTo("{\"status\":\"PENDING\"}");
            firstEventSeen.countDown();
            assertThat(nextData(lines)).isEqualTo("{\"status\":\"CONFIRMED\"}");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1000));
    }

    private static String nextData(java.io.BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        throw new IOException("the stream ended before the next event");
    }

    private static void write(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void notReadyWhileAServiceIsDownButStillAlive() throws Exception {
        HttpResponse<String> readiness = get("/readinessz");

        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonNode downstream = json.readTree(readiness.body()).path("components").path("downstream");
        assertThat(downstream.path("status").asString()).isEqualTo("DOWN");
        assertThat(downstream.path("details").path("booking").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(downstream.path("details").path("booking").path("error").asString())
                .isNotBlank();
        assertThat(downstream.path("details").path("inventory").path("status").asString())
                .isEqualTo("UP");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceSlowToSayItIsReadyCountsAsNotReady() throws Exception {
        INVENTORY.readiness(exchange -> {
            await(release);
            FakeService.respond(exchange, 200, "application/json", "{}");
        });

        long started = System.nanoTime();
        HttpResponse<String> readiness = get("/readinessz");

        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonNode inventory = json.readTree(readiness.body())
                .path("components")
                .path("downstream")
                .path("details")
                .path("inventory");
        assertThat(inventory.path("status").asString()).isEqualTo("DOWN");
        assertThat(inventory.path("error").asString()).isEqualTo("no answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + Tokens.guest("guest@example.com"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
