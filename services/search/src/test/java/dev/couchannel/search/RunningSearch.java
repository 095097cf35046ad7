package dev.couchannel.search;

import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service against the test JVM's real Kafka and a real OpenSearch node (a child JVM). Every integration
 * test class extends this one, so they share one application context; each test uses a competition of its own so
 * that the others' sessions do not show up in its results.
 */
@SpringBootTest(
        classes = SearchApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=search",
            "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer"
        })
@Import(Events.class)
public abstract class RunningSearch {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "search");
        registry.add("couchannel.search.opensearch.url", () -> TestInfrastructure.openSearch()
                .url());
        registry.add("couchannel.search.index", () -> "sessions-it");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Events events;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected HttpResponse<String> send(String method, String path, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/search/sessions} with these parameters (values URL-encoded), anonymously. */
    protected HttpResponse<String> search(Map<String, String> parameters) throws Exception {
        String query = new LinkedHashMap<>(parameters)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return send("GET", "/api/search/sessions" + (query.isEmpty() ? "" : "?" + query), null);
    }

    protected JsonNode searchJson(Map<String, String> parameters) throws Exception {
        HttpResponse<String> response = search(parameters);
        if (response.statusCode() != 200) {
            throw new AssertionError("search answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
