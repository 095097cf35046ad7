package dev.couchannel.gateway.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.couchannel.gateway.routing.GatewayProperties;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * How the gateway checks an access token (ADR 12): signature with a key of identity's JWK set,
 * {@code RS256} or {@code ES256} only, {@code iss}, {@code aud}, {@code exp} (required) and {@code
 * nbf} with 60 s of clock skew. An unknown {@code kid} makes the decoder fetch the JWK set once more, then
 * fail.
 *
 * <p>What a token allows becomes authorities: {@code SCOPE_<scope>} for each entry of {@code
 * scope} and {@code ROLE_<role>} for each of {@code roles}.
 */
@Configuration(proxyBeanMethods = false)
public class AccessTokens {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    JwtDecoder accessTokenDecoder(SecurityProperties security, GatewayProperties gateway) {
        NimbusJwtDecoder decoder;
        if (security.jwkSet() != null && !security.jwkSet().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(parse(security.jwkSet())))
                    .jwsAlgorithms(AccessTokens::allowedAlgorithms)
                    .build();
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri(security, gateway))
                    .jwsAlgorithms(AccessTokens::allowedAlgorithms)
                    .build();
        }
        decoder.setJwtValidator(validator(security));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties security) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(CLOCK_SKEW),
                // a token without an expiry would be good forever
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(security.issuerText()),
                new JwtAudienceValidator(security.audience())));
    }

    private static void allowedAlgorithms(Set<SignatureAlgorithm> algorithms) {
        algorithms.clear();
        algorithms.add(SignatureAlgorithm.RS256);
        algorithms.add(SignatureAlgorithm.ES256);
    }

    /** Identity's internal JWK set URL unless one is configured: the gateway is the public issuer. */
    static String jwkSetUri(SecurityProperties security, GatewayProperties gateway) {
        return security.configuredJwkSetUri()
                .or(() -> gateway.identity().map(identity -> URI.create(identity + "/oauth2/jwks")))
                .orElseThrow(() -> new IllegalStateException(
                        "Set couchannel.gateway.routes.identity (or couchannel.security.jwk-set-uri)"))
                .toString();
    }

    private static JWKSet parse(String jwkSet) {
        try {
            return JWKSet.parse(jwkSet);
        } catch (ParseException e) {
            throw new IllegalArgumentException("couchannel.security.jwk-set is not a JWK set: " + e.getMessage(), e);
        }
    }

    @Bean
    JwtAuthenticationConverter accessTokenAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(AccessTokens::authorities);
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    /** {@code SCOPE_<scope>} for each scope (array or space-separated), {@code ROLE_<role>} for each role. */
    public static Collection<GrantedAuthority> authorities(Jwt token) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String scope : strings(token.getClaim("scope"))) {
            authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        for (String role : strings(token.getClaim("roles"))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return authorities;
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof String text) {
            for (String value : text.split(" ")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        } else if (claim instanceof Collection<?> collection) {
            for (Object value : collection) {
                if (value != null) {
                    values.add(value.toString());
                }
            }
        }
        return values;
    }
}
