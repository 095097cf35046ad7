package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway checks every bearer token itself (ADR 12) and passes a good one on unchanged. */
class BearerTokenTest extends GatewayTestSupport {

    @Test
    void aValidTokenIsRelayedUnchangedAndAClaimedUserHeaderIsDropped() throws Exception {
        String token = Tokens.guest("guest@example.com");

        HttpResponse<String> response =
                send("/api/bookings/b-1", request -> request.header("Authorization", "Bearer " + token)
                        .header("X-Couchannel-User", "admin@example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.Received received = BOOKING.nextRequest();
        assertThat(received.headers("Authorization")).containsExactly("Bearer " + token);
        assertThat(received.headers("X-Couchannel-User")).isEmpty();
    }

    @Test
    void anAnonymousCallerCannotClaimAnIdentityByHeaderEither() throws Exception {
        HttpResponse<String> response =
                send("/api/fixtures", request -> request.header("X-Couchannel-User", "admin@example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.Received received = INVENTORY.nextRequest();
        assertThat(received.headers("X-Couchannel-User")).isEmpty();
        assertThat(received.headers("Authorization")).isEmpty();
    }

    @Test
    void anEs256TokenIsAcceptedToo() throws Exception {
        String token = Tokens.sign(
                Tokens.guestClaims("guest@example.com").build(),
                JWSAlgorithm.ES256,
                Tokens.EC.getKeyID(),
                Tokens.signer(Tokens.EC));

        HttpResponse<String> response =
                send("/api/bookings/b-1", request -> request.header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BOOKING.nextRequest().header("Authorization")).isEqualTo("Bearer " + token);
    }

    static Stream<Arguments> forgeries() throws JOSEException {
        JWTClaimsSet valid = Tokens.guestClaims("guest@example.com").build();
        Instant now = Instant.now();
        String good = Tokens.sign(valid);
        String[] parts = good.split("\\.");
        String adminPayload = Tokens.sign(
                        valid, claims -> claims.claim("roles", List.of("admin")).claim("scope", List.of("admin")))
                .split("\\.")[1];
        return Stream.of(
                Arguments.of("alg none", new PlainJWT(valid).serialize()),
                Arguments.of(
                        "HS256 keyed with the RSA public key",
                        Tokens.sign(
                                valid,
                                JWSAlgorithm.HS256,
                                Tokens.RSA.getKeyID(),
                                new MACSigner(Tokens.RSA.toRSAPublicKey().getEncoded()))),
                Arguments.of(
                        "RS512, not on the allow-list",
                        Tokens.sign(valid, JWSAlgorithm.RS512, Tokens.RSA.getKeyID(), Tokens.signer(Tokens.RSA))),
                Arguments.of("expired beyond the clock skew", Tokens.sign(valid, claims -> claims.issueTime(
                                Date.from(now.minusSeconds(1200)))
                        .notBeforeTime(Date.from(now.minusSeconds(1200)))
                        .expirationTime(Date.from(now.minusSeconds(120))))),
                Arguments.of(
                        "not valid before a time beyond the clock skew",
                        Tokens.sign(valid, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(300))))),
                Arguments.of("another issuer", Tokens.sign(valid, claims -> claims.issuer("http://evil.example"))),
                Arguments.of("another audience", Tokens.sign(valid, claims -> claims.audience(List.of("other-api")))),
                Arguments.of(
                        "an unknown key",
                        Tokens.sign(
                                valid,
                                JWSAlgorithm.RS256,
                                "unknown-kid",
                                Tokens.signer(Tokens.generateRsa("unknown-kid")))),
                Arguments.of(
                        "a key of ours under an unknown kid",
                        Tokens.sign(valid, JWSAlgorithm.RS256, "rotated-away", Tokens.signer(Tokens.RSA))),
                Arguments.of("a tampered payload", parts[0] + "." + adminPayload + "." + parts[2]),
                Arguments.of("no expiry", Tokens.sign(valid, claims -> claims.expirationTime(null))),
                Arguments.of("not a JWT", "local:guest@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedTokenIsRefusedWith401(String forgery, String token) throws Exception {
        HttpResponse<String> response =
                send("/api/bookings/b-1", request -> request.header("Authorization", "Bearer " + token));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/fixtures", "/api/sessions", "/api/openapi.json"})
    void aForgedTokenIsRefusedEvenWhereNoTokenIsNeeded(String path) throws Exception {
        String token = Tokens.sign(Tokens.guestClaims("guest@example.com").build(), claims -> claims.issuer("x"));

        assertProblem(send(path, request -> request.header("Authorization", "Bearer " + token)), 401);
        assertThat(INVENTORY.receivedNothing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b"})
    void aMalformedBearerHeaderIsRefused(String authorization) throws Exception {
        assertProblem(send("/api/bookings/b-1", request -> request.header("Authorization", authorization)), 401);
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @Test
    void otherSchemesAuthenticateNobody() throws Exception {
        HttpResponse<String> response =
                send("/api/bookings/b-1", request -> request.header("Authorization", "Basic Z3Vlc3Q6Y291Y2hhbm5lbA=="));

        assertProblem(response, 401);
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @Test
    void meDescribesTheBearer() throws Exception {
        String token = Tokens.host("host@example.com");

        HttpResponse<String> response = send("/api/me", request -> request.header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"email\":\"host@example.com\"")
                .contains("\"roles\":[\"guest\",\"host\"]")
                .contains("\"id\":\"" + UUID.nameUUIDFromBytes("host@example.com".getBytes()) + "\"");
    }

    @Test
    void meIsA401ProblemForAnonymousCallers() throws Exception {
        assertProblem(get("/api/me"), 401);
    }
}
