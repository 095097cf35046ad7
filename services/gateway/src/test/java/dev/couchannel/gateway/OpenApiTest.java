package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiTest extends GatewayTestSupport {

    @Test
    void servesTheContractAsJson() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("paths").has("/api/bookings")).isTrue();
        assertThat(document.path("paths")
                        .path("/api/bookings")
                        .path("post")
                        .path("operationId")
                        .asString())
                .isEqualTo("requestBooking");
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @Test
    void servesTheContractAsWritten() throws Exception {
        String contract;
        try (InputStream in = new ClassPathResource("contracts/openapi/couchannel.yaml").getInputStream()) {
            contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        HttpResponse<String> response = get("/api/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).isEqualTo(contract);
    }

    @Test
    void listsTheOperationsOnAPageWithoutExternalAssets() throws Exception {
        HttpResponse<String> response = get("/api/docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("<code>POST</code></td><td><code>/api/bookings</code>")
                .contains("Request seats; the booking saga decides asynchronously")
                .contains("<code>GET</code></td><td><code>/api/sessions/{id}</code>")
                .doesNotContain("<script")
                .doesNotContain("https://");
    }
}
