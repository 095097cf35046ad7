package dev.couchannel.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The public read API over the demo calendar. */
@SpringBootTest(
        classes = InventoryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=inventory", "couchannel.demo.enabled=true"})
class InventoryApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "inventory_api");
    }

    @LocalServerPort
    int port;

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        assertThat(OpenApiContract.apiOperations(mappings)).isPositive();
        assertThat(OpenApiContract.undocumented(mappings)).isEmpty();
    }

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsTheDemoFixturesByCompetition() throws Exception {
        HttpResponse<String> response = get("/api/fixtures?competition=Ekstraklasa");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Legia Warszawa").doesNotContain("Arsenal");
        assertThat(response.body()).contains("\"territory\":\"PL\"").contains("\"kickoff\":\"");
    }

    @Test
    void listsPublishedSessionsWithSeatsLeftAndMoney() throws Exception {
        HttpResponse<String> response = get("/api/sessions?status=PUBLISHED&size=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"total\":12")
                .contains("\"seatsLeft\":")
                .contains("\"pricePerSeat\":{\"amount\":\"");
    }

    @Test
    void badQueryParametersAreProblems() throws Exception {
        for (String path : new String[] {
            "/api/sessions?size=100000",
            "/api/sessions?page=-1",
            "/api/sessions?fixtureId=nope",
            "/api/fixtures?from=yesterday"
        }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void anUnknownSessionIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/sessions/00000000-0000-0000-0000-000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No session with id");
    }

    @Test
    void isHealthyAndReady() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/readinessz");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"kafka\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
