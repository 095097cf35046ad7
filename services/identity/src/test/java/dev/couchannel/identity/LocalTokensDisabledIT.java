package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.platform.testing.TestInfrastructure;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The default: no local tokens. */
@SpringBootTest(
        classes = IdentityApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=identity", "spring.mail.host=127.0.0.1", "spring.grpc.server.port=0"})
class LocalTokensDisabledIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "identity");
    }

    @LocalServerPort
    int port;

    @Test
    void postLocalTokensIsNotFound() {
        HttpResponse<String> response =
                new Browser(port).postJson("/local/tokens", "{\"email\":\"guest@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
