package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway, shared by the test classes extending this one (same context configuration, so
 * Spring's test context cache starts it once), in front of fake services that stay up, trusting
 * the keys of {@link Tokens}, with sessions in a real Redis. Rate limits are far out of reach
 * here ({@code RateLimitTest} has its own gateway).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "COUCHANNEL_LOG_FORMAT=plain",
            "couchannel.security.issuer=" + Tokens.ISSUER,
            "couchannel.gateway.session.secure-cookie=false",
            "couchannel.gateway.rate-limits.per-ip=1000000",
            "couchannel.gateway.rate-limits.per-user=1000000",
            "couchannel.gateway.rate-limits.booking-per-user=1000000",
            "couchannel.gateway.rate-limits.login-per-ip=1000000"
        })
abstract class GatewayTestSupport {

    static final FakeService BOOKING = FakeService.start();
    static final FakeService INVENTORY = FakeService.start();
    static final FakeService HOSTING = FakeService.start();
    static final FakeService PAYMENT = FakeService.start();
    static final FakeService PRICING = FakeService.start();
    static final FakeService COMPLIANCE = FakeService.start();
    static final FakeService NOTIFICATION = FakeService.start();
    static final FakeService SEARCH = FakeService.start();
    static final FakeService REVIEW = FakeService.start();
    static final FakeService ANALYTICS = FakeService.start();
    static final FakeService RECOMMENDATION = FakeService.start();
    static final FakeService IDENTITY = FakeService.start();
    static final FakeCatalog CATALOG = FakeCatalog.start();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("couchannel.gateway.routes.booking", () -> BOOKING.base().toString());
        registry.add(
                "couchannel.gateway.routes.inventory", () -> INVENTORY.base().toString());
        registry.add("couchannel.gateway.routes.hosting", () -> HOSTING.base().toString());
        registry.add("couchannel.gateway.routes.payment", () -> PAYMENT.base().toString());
        registry.add("couchannel.gateway.routes.pricing", () -> PRICING.base().toString());
        registry.add(
                "couchannel.gateway.routes.compliance", () -> COMPLIANCE.base().toString());
        registry.add(
                "couchannel.gateway.routes.notification",
                () -> NOTIFICATION.base().toString());
        registry.add("couchannel.gateway.routes.search", () -> SEARCH.base().toString());
        registry.add("spring.grpc.client.channel.inventory.target", CATALOG::target);
        registry.add("spring.grpc.client.channel.hosting.target", CATALOG::target);
        registry.add("spring.grpc.client.channel.pricing.target", CATALOG::target);
        registry.add("spring.grpc.client.channel.review.target", CATALOG::target);
        registry.add("spring.grpc.client.channel.identity.target", CATALOG::target);
        registry.add("couchannel.gateway.routes.review", () -> REVIEW.base().toString());
        registry.add(
                "couchannel.gateway.routes.analytics", () -> ANALYTICS.base().toString());
        registry.add(
                "couchannel.gateway.routes.recommendation",
                () -> RECOMMENDATION.base().toString());
        registry.add("couchannel.gateway.routes.identity", () -> IDENTITY.base().toString());
        registry.add("couchannel.gateway.grpc-deadline", () -> "3s");
        registry.add("couchannel.security.jwk-set", Tokens::jwkSet);
        // the gateway's own service token for its gRPC calls (the fake inventory takes any)
        registry.add("couchannel.security.client.token-uri", () -> TestTokens.tokenEndpoint()
                .toString());
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    /**
     * For a gateway of a test class of its own: every route to {@code service}, trusting {@link Tokens}, with
     * Redis (sessions, rate limits) at {@code redisPort}.
     */
    static void routeEverythingTo(FakeService service, Supplier<Object> redisPort, DynamicPropertyRegistry registry) {
        for (String route : new String[] {
            "booking",
            "inventory",
            "hosting",
            "payment",
            "pricing",
            "compliance",
            "notification",
            "search",
            "review",
            "analytics",
            "recommendation",
            "identity"
        }) {
            registry.add(
                    "couchannel.gateway.routes." + route, () -> service.base().toString());
        }
        registry.add("couchannel.security.jwk-set", Tokens::jwkSet);
        registry.add("spring.data.redis.port", redisPort);
    }

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void resetServices() {
        BOOKING.reset();
        INVENTORY.reset();
        HOSTING.reset();
        PAYMENT.reset();
        PRICING.reset();
        COMPLIANCE.reset();
        REVIEW.reset();
        ANALYTICS.reset();
        RECOMMENDATION.reset();
        IDENTITY.reset();
        CATALOG.reset();
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, builder -> builder.GET());
    }

    HttpResponse<String> send(String path, UnaryOperator<HttpRequest.Builder> request) throws Exception {
        return http.send(
                request.apply(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"status\":" + status)
                .contains("\"detail\"")
                .doesNotContain("Exception")
                .doesNotContain("at dev.couchannel");
    }
}
