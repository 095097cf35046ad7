package dev.couchannel.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(
        classes = ServiceDefaultsTest.Demo.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "couchannel.http.max-request-bytes=1024",
            "couchannel.http.max-request-bytes-by-path[/uploads/*]=8192",
            "COUCHANNEL_LOG_FORMAT=plain"
        })
class ServiceDefaultsTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        SigningKey.trust(registry);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void exposesLivenessAndReadinessProbes() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/readinessz");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void malformedJsonIsAProblem() throws Exception {
        HttpResponse<String> response = post("/things", "{not json");
        assertProblem(response, 400);
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        HttpResponse<String> response = post("/things", "{\"seats\": -3}");
        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"seats\"");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeReachingTheController() throws Exception {
        HttpResponse<String> response = post("/things", "{\"seats\": 1, \"pad\": \"" + "x".repeat(4096) + "\"}");
        assertProblem(response, 413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
    }

    @Test
    void aPathMayHaveALimitOfItsOwn() throws Exception {
        HttpResponse<String> within = post("/uploads/photo", "x".repeat(4096));
        assertThat(within.statusCode()).isEqualTo(200);
        assertThat(within.body()).isEqualTo("4096");

        assertProblem(post("/uploads/photo", "x".repeat(8193)), 413);
        assertProblem(post("/things", "{\"seats\": 1, \"pad\": \"" + "x".repeat(4096) + "\"}"), 413);
    }

    @Test
    void aValidTokenReachesTheControllerAsItsCaller() throws Exception {
        HttpResponse<String> response = post("/me", "{}", "Bearer " + SigningKey.valid());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("guest@example.com [guest]");
    }

    @Test
    void aBadTokenIsA401ProblemWithAChallengeWhateverTheEndpoint() throws Exception {
        String forged = SigningKey.signed(SigningKey.generate("k1"), SigningKey.claims(c -> c));
        for (String authorization : new String[] {"Bearer " + forged, "Basic Z3Vlc3Q6cGFzcw==", "Bearer"}) {
            HttpResponse<String> response = post("/things", "{\"seats\": 1}", authorization);

            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer error="));
        }
    }

    @Test
    void withoutATokenTheEndpointDecides() throws Exception {
        assertThat(post("/things", "{\"seats\": 1}").statusCode()).isEqualTo(200);
        assertProblem(post("/me", "{}"), 401);
    }

    @Test
    void unknownPathsAreProblems() throws Exception {
        assertProblem(get("/no/such/thing"), 404);
    }

    @Test
    void unexpectedFailuresLeakNothing() throws Exception {
        HttpResponse<String> response = post("/explode", "{}");
        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("at dev.couchannel");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(path, body, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)));
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        return send(
                path,
                body,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", authorization));
    }

    private HttpResponse<String> send(String path, String body, HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    static class Demo {
        record Thing(@Positive int seats, String pad) {}

        @RestController
        static class Things {
            @PostMapping("/things")
            Thing create(@Valid @RequestBody Thing thing) {
                return thing;
            }

            @PostMapping("/me")
            String me(HttpServletRequest request) {
                Caller caller = Caller.require(request);
                return caller.id() + " " + caller.roles();
            }

            @PostMapping("/uploads/{name}")
            String upload(@RequestBody byte[] body) {
                return Integer.toString(body.length);
            }

            @PostMapping("/explode")
            Thing explode() {
                throw new IllegalStateException("boom");
            }
        }
    }
}
