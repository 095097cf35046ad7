package dev.couchannel.platform.service;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one place that decides which access tokens are genuine (ADR 12), for every service and the gateway.
 *
 * <p>A token passes only when its signature verifies with a key identity publishes, its algorithm is on the
 * allow-list ({@code RS256}, {@code ES256}: never {@code none}, never an HMAC that a public key could forge), it
 * names our issuer and our audience, and it is inside its {@code nbf}..{@code exp} window (60 s skew). A {@code kid}
 * the cached key set does not know makes the decoder fetch the set again once, so a rotation is picked up without
 * a restart, and a made-up {@code kid} still fails.
 */
public final class AccessTokens {

    /** Allowed clock difference between identity and this service. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private AccessTokens() {}

    /** A decoder that accepts exactly the tokens ADR 12 describes. */
    public static JwtDecoder decoder(AccessTokenProperties properties) {
        NimbusJwtDecoder decoder = properties.jwkSet() != null
                        && !properties.jwkSet().isBlank()
                ? NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(parse(properties.jwkSet())))
                        .jwsAlgorithms(AccessTokens::allowList)
                        .build()
                : NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri().toString())
                        .jwsAlgorithms(AccessTokens::allowList)
                        .build();
        decoder.setJwtValidator(validator(properties.requiredIssuer(), properties.audience()));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    }

    private static void allowList(java.util.Set<SignatureAlgorithm> algorithms) {
        algorithms.add(SignatureAlgorithm.RS256);
        algorithms.add(SignatureAlgorithm.ES256);
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("couchannel.security.jwk-set is not a JWK set: " + e.getMessage(), e);
        }
    }
}
