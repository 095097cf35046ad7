package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Request budgets in Redis, with small limits. Each test calls from a loopback address of its own
 * (127.0.0.x), so that the per-address budgets of one test do not spill into another's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "COUCHANNEL_LOG_FORMAT=plain",
            "couchannel.security.issuer=" + Tokens.ISSUER,
            "couchannel.gateway.rate-limits.per-ip=30",
            "couchannel.gateway.rate-limits.per-user=20",
            "couchannel.gateway.rate-limits.booking-per-user=3",
            "couchannel.gateway.rate-limits.login-per-ip=3"
        })
class RateLimitTest {

    static final FakeService SERVICES = FakeService.start();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        GatewayTestSupport.routeEverythingTo(SERVICES, TestRedis::port, registry);
    }

    @LocalServerPort
    int port;

    @AfterEach
    void reset() {
        SERVICES.reset();
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void bookingsBeyondTheUsersBudgetAre429WithRetryAfter() throws Exception {
        HttpClient client = from("127.0.0.11");
        String token = Tokens.guest("booker@example.com");
        for (int i = 0; i < 3; i++) {
            assertThat(send(client, "/api/bookings", bookWith(token)).statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> refused = send(client, "/api/bookings", bookWith(token));

        assertTooMany(refused);
        // reads of the same user still pass: only bookings are spent
        assertThat(send(client, "/api/bookings", request -> request.header("Authorization", "Bearer " + token))
                        .statusCode())
                .isEqualTo(200);
        // and another user books as usual
        assertThat(send(client, "/api/bookings", bookWith(Tokens.guest("other@example.com")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUsersRequestsBeyondTheBudgetAre429() throws Exception {
        HttpClient client = from("127.0.0.12");
        String token = Tokens.guest("busy@example.com");
        for (int i = 0; i < 20; i++) {
            assertThat(send(client, "/api/bookings/b-1", request -> request.header("Authorization", "Bearer " + token))
                            .statusCode())
                    .isEqualTo(200);
        }

        assertTooMany(send(client, "/api/bookings/b-1", request -> request.header("Authorization", "Bearer " + token)));
    }

    @Test
    void signInAttemptsBeyondTheAddressBudgetAre429() throws Exception {
        HttpClient client = from("127.0.0.13");
        for (int i = 0; i < 3; i++) {
            assertThat(send(client, "/login", request -> request.POST(HttpRequest.BodyPublishers.ofString("u=p")))
                            .statusCode())
                    .isEqualTo(200);
        }

        assertTooMany(
                send(client, "/local/tokens", request -> request.POST(HttpRequest.BodyPublishers.ofString("{}"))));
        assertTooMany(send(client, "/bff/login", request -> request.GET()));
        // the pages themselves are no sign-in attempt
        assertThat(send(client, "/login", request -> request.GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAddressBeyondItsBudgetIs429EvenWithoutAUser() throws Exception {
        HttpClient client = from("127.0.0.14");
        for (int i = 0; i < 30; i++) {
            assertThat(send(client, "/api/fixtures", request -> request.GET()).statusCode())
                    .isEqualTo(200);
        }

        assertTooMany(send(client, "/api/fixtures", request -> request.GET()));
        assertThat(send(from("127.0.0.15"), "/api/fixtures", request -> request.GET())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void probesAreNeverLimited() throws Exception {
        HttpClient client = from("127.0.0.16");
        for (int i = 0; i < 35; i++) {
            assertThat(send(client, "/healthz", request -> request.GET()).statusCode())
                    .isEqualTo(200);
        }
    }

    private static void assertTooMany(HttpResponse<String> response) {
        GatewayTestSupport.assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static UnaryOperator<HttpRequest.Builder> bookWith(String token) {
        return request -> request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
    }

    private static HttpClient from(String address) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName(address))
                .build();
    }

    private HttpResponse<String> send(HttpClient client, String path, UnaryOperator<HttpRequest.Builder> request)
            throws Exception {
        return client.send(
                request.apply(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
