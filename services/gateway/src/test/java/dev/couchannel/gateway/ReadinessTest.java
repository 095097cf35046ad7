package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadinessTest extends GatewayTestSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readyWhileEveryServiceIsReady() throws Exception {
        HttpResponse<String> response = get("/readinessz");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode downstream = json.readTree(response.body()).path("components").path("downstream");
        assertThat(downstream.path("status").asString()).isEqualTo("UP");
        assertThat(downstream.path("details").path("booking").path("status").asString())
                .isEqualTo("UP");
        assertThat(downstream.path("details").path("inventory").path("url").asString())
                .isEqualTo(INVENTORY.base() + "/readinessz");
    }

    @Test
    void notReadyWhileAServiceIsNotAndReadyAgainAfterwards() throws Exception {
        INVENTORY.readinessStatus(503);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> response = get("/readinessz");
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode downstream =
                    json.readTree(response.body()).path("components").path("downstream");
            assertThat(downstream.path("status").asString()).isEqualTo("DOWN");
            assertThat(downstream
                            .path("details")
                            .path("inventory")
                            .path("httpStatus")
                            .asInt())
                    .isEqualTo(503);
            assertThat(downstream.path("details").path("booking").path("status").asString())
                    .isEqualTo("UP");
        });
        assertThat(get("/healthz").statusCode()).isEqualTo(200);

        INVENTORY.readinessStatus(200);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(get("/readinessz").statusCode()).isEqualTo(200));
    }
}
