package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway, shared by the test classes extending this one (same context configuration, so
 * Spring's test context cache starts it once), in front of two fake services that stay up.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "COUCHANNEL_LOG_FORMAT=plain"})
abstract class GatewayTestSupport {

    static final FakeService BOOKING = FakeService.start();
    static final FakeService INVENTORY = FakeService.start();
    static final FakeService HOSTING = FakeService.start();
    static final FakeService PAYMENT = FakeService.start();
    static final FakeService PRICING = FakeService.start();
    static final FakeService COMPLIANCE = FakeService.start();
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
        registry.add("spring.grpc.client.channel.inventory.target", CATALOG::target);
        registry.add("couchannel.gateway.grpc-deadline", () -> "3s");
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
