package dev.couchannel.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Every forgery ADR 12 names fails; the genuine token passes (so a failure is the check, not the set-up). */
class AccessTokensTest {

    private static final RSAKey KEY = SigningKey.KEY;
    private static final RSAKey STRANGER = SigningKey.generate("k1");

    private final JwtDecoder decoder = AccessTokens.decoder(
            new AccessTokenProperties(SigningKey.ISSUER, null, SigningKey.jwkSet(), "couchannel-api"));

    @Test
    void aGenuineTokenNamesItsCaller() {
        Jwt jwt = decoder.decode(signed(KEY, JWSAlgorithm.RS256, claims(UnaryOperator.identity())));

        Caller caller = Caller.of(jwt);
        assertThat(caller.id()).isEqualTo("guest@example.com");
        assertThat(caller.roles()).containsExactly("guest");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("read:events", "book:sessions");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(claims(UnaryOperator.identity())).serialize();

        assertRefused(none);
    }

    @Test
    void anHmacSignedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(UnaryOperator.identity()));
        // the classic confusion attack: the RSA public key's bytes used as the HMAC secret
        byte[] secret = KEY.toRSAPublicKey().getEncoded();
        jwt.sign(new MACSigner(secret));

        assertRefused(jwt.serialize());
    }

    @Test
    void expiredNotYetValidWrongIssuerAndWrongAudienceAreRefused() {
        Instant now = Instant.now();
        assertRefused(signed(KEY, JWSAlgorithm.RS256, claims(c -> c.expirationTime(Date.from(now.minusSeconds(120))))));
        assertRefused(
                signed(KEY, JWSAlgorithm.RS256, claims(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(20)))))));
        assertRefused(signed(KEY, JWSAlgorithm.RS256, claims(c -> c.issuer("http://evil.example"))));
        assertRefused(signed(KEY, JWSAlgorithm.RS256, claims(c -> c.audience("another-api"))));
        assertRefused(signed(KEY, JWSAlgorithm.RS256, claims(c -> c.audience((String) null))));
    }

    @Test
    void anUnknownKeyOrAStrangersKeyIsRefused() throws Exception {
        RSAKey unknownKid = new RSAKey.Builder(KEY).keyID("k-unknown").build();
        assertRefused(signed(unknownKid, JWSAlgorithm.RS256, claims(UnaryOperator.identity())));
        // same kid, someone else's private key
        assertRefused(signed(STRANGER, JWSAlgorithm.RS256, claims(UnaryOperator.identity())));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = signed(KEY, JWSAlgorithm.RS256, claims(UnaryOperator.identity()))
                .split("\\.");
        String payload = Base64URL.from(parts[1]).decodeToString().replace("\"guest\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(tampered);
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return SigningKey.claims(change);
    }

    private static String signed(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        assertThat(algorithm).isEqualTo(JWSAlgorithm.RS256);
        return SigningKey.signed(key, claims);
    }
}
