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
import dev.couchannel.platform.testing.TestTokens;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Access tokens as identity issues them (ADR 12): the platform's {@link TestTokens}, plus an ES256
 * key (the allow-list has two algorithms) and the means to forge. The gateway under test trusts
 * both keys through the inline {@code couchannel.security.jwk-set}.
 */
final class Tokens {

    static final String ISSUER = TestTokens.ISSUER;
    static final RSAKey RSA = TestTokens.key();
    static final ECKey EC = generateEc("test-ec");

    private Tokens() {}

    /** The public keys, as {@code couchannel.security.jwk-set}. */
    static String jwkSet() {
        return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    static String guest(String email) {
        return TestTokens.token(email, "guest");
    }

    static String host(String email) {
        return TestTokens.token(email, "guest", "host");
    }

    static String admin(String email) {
        return TestTokens.token(email, "admin");
    }

    /** Claims as identity issues them, for a stub provider or a test to spoil. */
    static JWTClaimsSet.Builder claims(String email, List<String> roles) {
        return TestTokens.claims(email, roles.toArray(String[]::new));
    }

    static JWTClaimsSet.Builder guestClaims(String email) {
        return TestTokens.claims(email, "guest");
    }

    static String sign(JWTClaimsSet claims) {
        return TestTokens.sign(claims);
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
