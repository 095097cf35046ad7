package dev.couchannel.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway authenticates callers ({@code couchannel.security.*}).
 *
 * @param mode {@code local} (development only) accepts the placeholder token {@code Bearer
 *     local:<email>} until the OIDC identity service exists; any other value refuses every bearer
 *     token
 */
@ConfigurationProperties("couchannel.security")
public record SecurityProperties(@DefaultValue("local") String mode) {

    static final String LOCAL = "local";

    /** Whether the development-only placeholder tokens are accepted. */
    public boolean localMode() {
        return LOCAL.equalsIgnoreCase(mode.strip());
    }
}
