package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.couchannel.platform.testing.MovingClock;
import dev.couchannel.platform.testing.TestInfrastructure;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identity on the real PostgreSQL and SMTP server, demo users seeded, local tokens on, a movable clock. */
@SpringBootTest(
        classes = IdentityApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=identity",
            "spring.mail.host=127.0.0.1",
            "couchannel.demo.enabled=true",
            // any free port for reputation's gRPC server
            "spring.grpc.server.port=0",
            "couchannel.identity.local-tokens.enabled=true"
        })
@Import(IdentityTest.Clocks.class)
public abstract class IdentityTest {

    public static final String ISSUER = "http://localhost:8080";
    public static final String DEMO_PASSWORD = "couchannel";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "identity");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovingClock testClock() {
            return new MovingClock();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovingClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected Browser browser() {
        return new Browser(port);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A local token for {@code email} with {@code roles} (JSON array text, or null for none). */
    protected String localToken(String email, String rolesJson) {
        HttpResponse<String> response = browser()
                .postJson(
                        "/local/tokens",
                        rolesJson == null
                                ? "{\"email\":\"" + email + "\"}"
                                : "{\"email\":\"" + email + "\",\"roles\":" + rolesJson + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("access_token").asString();
    }

    /** The current JWKS, fetched over HTTP. */
    protected JWKSet jwks() {
        try {
            return JWKSet.parse(browser().get("/oauth2/jwks").body());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Verifies a token against the JWKS as a resource server would (signature by kid); answers its claims. */
    protected JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key)
                    .as("the token's kid %s is in the JWKS", jwt.getHeader().getKeyID())
                    .isNotNull();
            assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            return jwt.getJWTClaimsSet();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
