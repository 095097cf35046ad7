package dev.couchannel.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens for tests of a single service, shaped exactly as identity issues them (ADR 12) and signed with a
 * key generated per test JVM. {@link TestInfrastructure#register} makes every service under test trust that key,
 * so a test calls a service as a real client would: {@code Authorization: TestTokens.bearer("guest@example.com")}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://couchannel.test";
    public static final String AUDIENCE = "couchannel-api";

    private static final RSAKey KEY = generate();

    private TestTokens() {}

    /**
     * Makes a service accept this class's tokens (and only them), and get its own service token for gRPC calls
     * from a client-credentials endpoint in this JVM that answers with them.
     */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("couchannel.security.issuer", () -> ISSUER);
        registry.add("couchannel.security.jwk-set", TestTokens::jwkSet);
        registry.add("couchannel.security.client.token-uri", () -> TokenEndpoint.uri()
                .toString());
    }

    /** The client-credentials endpoint in this JVM that hands out {@link #serviceToken}s. */
    public static URI tokenEndpoint() {
        return TokenEndpoint.uri();
    }

    /** A token of the service client {@code svc-<name>}: what a service's own gRPC calls carry. */
    public static String serviceToken(String clientId) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(clientId)
                .claim("scope", List.of("internal"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** Call credentials for a test that calls a service's gRPC server as another service would. */
    public static CallCredentials serviceCredentials() {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(
                        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                        "Bearer " + serviceToken("svc-test"));
                applier.apply(headers);
            }
        };
    }

    /** The public JWK set a service under test trusts. */
    public static String jwkSet() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** The signing key (public and private), for tests that forge tokens on purpose. */
    public static RSAKey key() {
        return KEY;
    }

    /**
     * {@code Bearer <token>} for {@code email}. Unless roles are named, the address decides: one starting with
     * {@code admin} is an admin, one starting with {@code guest} only a guest, anyone else a guest who also hosts
     * (what most tests need).
     */
    public static String bearer(String email, String... roles) {
        return "Bearer " + token(email, roles);
    }

    /** A valid access token for {@code email} (roles as in {@link #bearer}). */
    public static String token(String email, String... roles) {
        return sign(claims(email, roles).build());
    }

    /** The claims identity would issue, valid for 15 minutes from now; change them to make a bad token. */
    public static JWTClaimsSet.Builder claims(String email, String... roles) {
        Set<String> granted = new LinkedHashSet<>(List.of(roles));
        if (granted.isEmpty()) {
            granted.addAll(defaultRoles(email.toLowerCase(Locale.ROOT)));
        }
        List<String> scopes = new ArrayList<>(List.of("read:events"));
        if (granted.contains("guest")) {
            scopes.add("book:sessions");
        }
        if (granted.contains("host")) {
            scopes.add("host:manage");
        }
        if (granted.contains("admin")) {
            scopes.add("admin");
        }
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString())
                .claim("email", email.toLowerCase(Locale.ROOT))
                .claim("roles", List.copyOf(granted))
                .claim("scope", scopes)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static List<String> defaultRoles(String email) {
        if (email.startsWith("admin")) {
            return List.of("admin");
        }
        return email.startsWith("guest") ? List.of("guest") : List.of("guest", "host");
    }

    /** Signs {@code claims} with the trusted key, RS256, naming the key's id. */
    public static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(KEY.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID("test-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the test signing key", e);
        }
    }
}
