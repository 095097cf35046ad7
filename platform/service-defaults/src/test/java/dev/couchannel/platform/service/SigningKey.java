package dev.couchannel.platform.service;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An identity stand-in for this module's tests: one key, tokens shaped as in ADR 12. */
final class SigningKey {

    static final String ISSUER = "http://localhost:8080";
    static final RSAKey KEY = generate("k1");

    private SigningKey() {}

    static void trust(DynamicPropertyRegistry registry) {
        registry.add("couchannel.security.issuer", () -> ISSUER);
        registry.add("couchannel.security.jwk-set", SigningKey::jwkSet);
    }

    static String jwkSet() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience("couchannel-api")
                        .subject("3f2c9a1e-0000-4000-8000-000000000001")
                        .claim("email", "Guest@Example.com")
                        .claim("roles", List.of("guest"))
                        .claim("scope", List.of("read:events", "book:sessions"))
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))))
                .build();
    }

    static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String valid() {
        return signed(KEY, claims(UnaryOperator.identity()));
    }

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
