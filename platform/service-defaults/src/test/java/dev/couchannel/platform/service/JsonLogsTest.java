package dev.couchannel.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Logs are JSON (ECS) by default, and a line logged while serving a request carries its trace id. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = ServiceDefaultsTest.Demo.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=json-logs")
class JsonLogsTest {

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        SigningKey.trust(registry);
    }

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @Test
    void aFailedRequestIsLoggedAsJsonWithTheCallersTraceId(CapturedOutput output) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/explode"))
                                .header("Content-Type", "application/json")
                                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("unexpected failure while handling a request"))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .startsWith("{")
                .contains("\"service\":{\"name\":\"json-logs\"")
                .contains(TRACE_ID);
    }
}
