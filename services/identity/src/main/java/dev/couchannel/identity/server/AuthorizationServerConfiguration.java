package dev.couchannel.identity.server;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.couchannel.identity.IdentityProperties;
import dev.couchannel.identity.keys.application.KeyRing;
import dev.couchannel.identity.tokens.AccessTokenClaims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The authorization server's parts: clients (from configuration, see {@link #registeredClients}),
 * the issuer, the encoder that signs with the key ring's active key, the decoder identity's own
 * APIs check bearer tokens with, and the stores of authorizations and passkeys.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** Our own apps (the web app's BFF, the command line): PKCE always, no consent screen for our own scopes. */
    private static final ClientSettings FIRST_PARTY = ClientSettings.builder()
            .requireProofKey(true)
            .requireAuthorizationConsent(false)
            .build();

    static final List<String> WEB_SCOPES = List.of(
            OidcScopes.OPENID,
            OidcScopes.PROFILE,
            OidcScopes.EMAIL,
            "read:events",
            "book:sessions",
            "host:manage",
            "admin");

    /** Argon2id with OWASP's second recommended setting: 19 MiB memory, 2 iterations, 1 lane. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuerBase())
                .build();
    }

    /**
     * Clients live in configuration, not in a table: they are part of the deployment (a new
     * service is a new client in the same change), secrets come from the environment, and there
     * is no second copy to drift. Secrets are hashed at start-up with the password encoder.
     */
    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder passwords) {
        String issuer = properties.issuerBase();
        TokenSettings userTokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenLifetime())
                .refreshTokenTimeToLive(Duration.ofHours(12))
                .reuseRefreshTokens(false)
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        String webRedirect = properties.clients().web().redirectUri().isBlank()
                ? issuer + "/bff/callback"
                : properties.clients().web().redirectUri();
        clients.add(RegisteredClient.withId("couchannel-web")
                .clientId("couchannel-web")
                .clientSecret(passwords.encode(properties.clients().web().secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(webRedirect)
                .postLogoutRedirectUri(issuer + "/")
                .scopes(scopes -> scopes.addAll(WEB_SCOPES))
                .clientSettings(FIRST_PARTY)
                .tokenSettings(userTokens)
                .build());
        clients.add(RegisteredClient.withId("couchannel-cli")
                .clientId("couchannel-cli")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/callback")
                .scopes(scopes -> scopes.addAll(WEB_SCOPES))
                .clientSettings(FIRST_PARTY)
                .tokenSettings(userTokens)
                .build());
        for (Map.Entry<String, String> service : properties.clients().services().entrySet()) {
            String clientId = "svc-" + service.getKey();
            clients.add(RegisteredClient.withId(clientId)
                    .clientId(clientId)
                    .clientSecret(passwords.encode(service.getValue()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(AccessTokenClaims.INTERNAL)
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(properties.accessTokenLifetime())
                            .build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Authorizations (codes, refresh tokens) in PostgreSQL, so they survive a restart and are shared by instances. */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** Signs with the active key only, although the key ring also holds the previous ones. */
    @Bean
    JwtEncoder jwtEncoder(KeyRing keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::selectActive);
        return encoder;
    }

    /**
     * Checks bearer tokens sent to identity itself ({@code /api/**}, {@code /userinfo}) against
     * the published keys, issuer, audience and lifetime, with no HTTP round trip to its own JWKS.
     */
    @Bean
    JwtDecoder jwtDecoder(KeyRing keys, IdentityProperties properties) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AccessTokenClaims.AUDIENCE)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "invalid_token", "not addressed to " + AccessTokenClaims.AUDIENCE, null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerBase()), audience));
        return decoder;
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeys(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }
}
