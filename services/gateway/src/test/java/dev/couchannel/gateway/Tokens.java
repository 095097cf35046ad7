package dev.couchannel.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens as identity issues them (ADR 12), signed with keys only the tests hold; the
 * gateway under test trusts them through the inline {@code couchannel.security.jwk-set}.
 */
final class Tokens {

    static final String ISSUER = "http://gateway.test";
    static final String AUDIENCE = "couchannel-api";
    static final RSAKey RSA = generateRsa("test-rsa");
    static final ECKey EC = generateEc("test-ec");

    private Tokens() {}

    /** The public keys, as {@code couchannel.security.jwk-set}. */
    static String jwkSet() {
        return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    static String guest(String email) {
        return user(email, List.of("guest"), List.of("read:events", "book:sessions"));
    }

    static String host(String email) {
        return user(email, List.of("guest", "host"), List.of("read:events", "book:sessions", "host:manage"));
    }

    static String admin(String email) {
        return user(email, List.of("admin"), List.of("read:events", "admin"));
    }

    static String user(String email, List<String> roles, List<String> scopes) {
        return sign(claims(UUID.nameUUIDFromBytes(email.getBytes()).toString(), email, roles, scopes)
                .build());
    }

    /** A valid guest's claims, for a test to spoil. */
    static JWTClaimsSet.Builder claims(String subject, String email, List<String> roles, List<String> scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .claim("email", email)
                .claim("roles", roles)
                .claim("scope", scopes)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString());
    }

    static JWTClaimsSet.Builder guestClaims(String email) {
        return claims(UUID.randomUUID().toString(), email, List.of("guest"), List.of("read:events", "book:sessions"));
    }

    static String sign(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.RS256, RSA.getKeyID(), signer(RSA));
    }

    static String sign(JWTClaimsSet claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(new JWTClaimsSet.Builder(claims)).build());
    }

    static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(keyId)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static JWSSigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey generateRsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey generateEc(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
