package dev.couchannel.platform.service;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which access tokens a service accepts ({@code couchannel.security.*}, ADR 12).
 *
 * @param issuer the public issuer every token must name in {@code iss} (identity behind the gateway, e.g.
 *     {@code http://localhost:8080})
 * @param jwkSetUri where identity publishes its signing keys; {@code <issuer>/oauth2/jwks} when not set
 * @param jwkSet the signing keys inline, as a JWK set in JSON, instead of a URI (tests, static deployments)
 * @param audience what every token must name in {@code aud}
 */
@ConfigurationProperties("couchannel.security")
public record AccessTokenProperties(
        @Nullable String issuer,
        @Nullable URI jwkSetUri,
        @Nullable String jwkSet,
        @DefaultValue("couchannel-api") String audience) {

    /** The issuer, or a startup failure that names the property to set. */
    public String requiredIssuer() {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("Set couchannel.security.issuer to identity's public issuer URL "
                    + "(the gateway's base URL, e.g. http://localhost:8080): every service checks tokens itself.");
        }
        return issuer.strip();
    }

    /** Where to fetch the signing keys from when they are not given inline. */
    public URI effectiveJwkSetUri() {
        return jwkSetUri != null ? jwkSetUri : URI.create(requiredIssuer().replaceAll("/+$", "") + "/oauth2/jwks");
    }
}
