package dev.couchannel.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything identity is told from outside ({@code couchannel.identity.*}).
 *
 * @param issuer the public issuer: the gateway's origin, as browsers and services see it
 * @param clients the OAuth2 clients
 * @param keys signing key rotation
 * @param webauthn the passkey relying party
 * @param localTokens {@code POST /local/tokens}, for local runs only
 * @param login throttling per address
 * @param mail the verification e-mail
 * @param accessTokenLifetime how long an access token lives (ADR 12: 15 minutes)
 */
@ConfigurationProperties("couchannel.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue Clients clients,
        @DefaultValue Keys keys,
        @DefaultValue Webauthn webauthn,
        @DefaultValue LocalTokens localTokens,
        @DefaultValue Login login,
        @DefaultValue Mail mail,
        @DefaultValue("15m") Duration accessTokenLifetime) {

    /** The issuer without a trailing slash, so paths can be appended. */
    public String issuerBase() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /**
     * @param web the BFF's client ({@code couchannel-web})
     * @param services one client-credentials client per service: service name → secret
     */
    public record Clients(@DefaultValue Web web, Map<String, String> services) {
        public Clients {
            services = services == null ? Map.of() : Map.copyOf(services);
        }
    }

    /**
     * @param secret the client secret
     * @param redirectUri where the code goes; empty means {@code <issuer>/bff/callback}
     */
    public record Web(
            @DefaultValue("local-web-secret") String secret,
            @DefaultValue("") String redirectUri) {}

    /**
     * @param rotateEvery age at which the active key is replaced
     * @param skew clock skew the token checkers allow: a demoted key stays published for token lifetime + skew
     */
    public record Keys(
            @DefaultValue("30d") Duration rotateEvery,
            @DefaultValue("60s") Duration skew) {}

    /**
     * @param rpId the relying party id (the public host name)
     * @param allowedOrigins origins a passkey ceremony may come from; empty means the issuer
     */
    public record Webauthn(@DefaultValue("localhost") String rpId, List<String> allowedOrigins) {
        public Webauthn {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /** @param enabled whether {@code POST /local/tokens} exists (never in production) */
    public record LocalTokens(@DefaultValue("false") boolean enabled) {}

    /**
     * @param maxFailuresPerAddress failed sign-ins one client address may make within {@code addressWindow}
     * @param addressWindow the window of the per-address count
     */
    public record Login(
            @DefaultValue("100") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration addressWindow) {}

    /**
     * @param from the sender of identity's mail
     * @param verificationValidFor how long a verification link works
     */
    public record Mail(
            @DefaultValue("no-reply@couchannel.local") String from,
            @DefaultValue("24h") Duration verificationValidFor) {}
}
