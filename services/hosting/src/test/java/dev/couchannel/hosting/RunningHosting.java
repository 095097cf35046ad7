package dev.couchannel.hosting;

import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hosting service running against the test JVM's real PostgreSQL and Kafka, with demo data.
 * Every integration test class extends this one, so they share one application context.
 */
@SpringBootTest(
        classes = HostingApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=hosting", "spring.grpc.server.port=0", "couchannel.demo.enabled=true"})
public abstract class RunningHosting {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "hosting");
    }

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** A request as the gateway forwards it: with the caller's id, or anonymous when {@code caller} is null. */
    protected HttpResponse<String> send(String method, String path, @Nullable String caller, @Nullable String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
