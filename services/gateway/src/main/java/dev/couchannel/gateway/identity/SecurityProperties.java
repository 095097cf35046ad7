package dev.couchannel.gateway.identity;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which access tokens the gateway accepts ({@code couchannel.security.*}, the same properties
 * every service reads, ADR 12).
 *
 * @param issuer the public gateway URL identity signs tokens as, e.g. {@code http://localhost:8080}
 * @param jwkSetUri where identity publishes its signing keys; by default identity's internal URL
 *     ({@code couchannel.gateway.routes.identity}) + {@code /oauth2/jwks}, so the gateway never
 *     asks itself
 * @param jwkSet an inline JWK set (JSON) instead of a URI, for tests
 * @param audience the audience every access token must name
 */
@ConfigurationProperties("couchannel.security")
public record SecurityProperties(
        URI issuer,
        @Nullable URI jwkSetUri,
        @Nullable String jwkSet,
        @DefaultValue("couchannel-api") String audience) {

    public SecurityProperties {
        if (issuer == null || issuer.getScheme() == null || issuer.getHost() == null) {
            throw new IllegalArgumentException(
                    "couchannel.security.issuer must be the public gateway URL, e.g. http://localhost:8080");
        }
        String text = issuer.toString();
        issuer = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The issuer exactly as tokens carry it in {@code iss}. */
    public String issuerText() {
        return issuer.toString();
    }

    public Optional<URI> configuredJwkSetUri() {
        return Optional.ofNullable(jwkSetUri);
    }
}
