package dev.couchannel.gateway.bff;

import dev.couchannel.gateway.identity.TokenChecks;
import dev.couchannel.gateway.routing.GatewayProperties;
import dev.couchannel.platform.service.AccessTokenProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * The gateway as the web app's backend-for-frontend (ADR 12): an OAuth2 client of identity
 * (authorization code with PKCE), whose tokens stay in the server-side session.
 *
 * <ul>
 *   <li>{@value #LOGIN} starts the flow: it redirects the browser to identity's authorize endpoint
 *       on the public issuer URL (proxied by the gateway), with {@code state} and a PKCE challenge;
 *   <li>{@value #CALLBACK} receives the code, which the gateway exchanges at identity's internal
 *       token endpoint;
 *   <li>{@value #LOGOUT} ends the session and sends the browser to identity's end-session
 *       endpoint.
 * </ul>
 *
 * <p>What the signed-in user may do comes from the access token's claims ({@code scope}, {@code
 * roles}), checked with the same decoder as every bearer token, never from the scopes the client
 * asked for.
 */
@Configuration(proxyBeanMethods = false)
public class BffLogin {

    public static final String REGISTRATION = "couchannel";
    public static final String LOGIN = "/bff/login";
    public static final String CALLBACK = "/bff/callback";
    public static final String LOGOUT = "/bff/logout";

    static final String[] SCOPES = {"openid", "profile", "email", "read:events", "book:sessions", "host:manage", "admin"
    };

    @Bean
    ClientRegistrationRepository clientRegistrations(
            BffProperties bff, AccessTokenProperties security, GatewayProperties gateway) {
        // exactly as tokens carry it in "iss"
        String issuer = security.requiredIssuer();
        String origin = issuer.replaceAll("/+$", "");
        String identity = gateway.identity()
                .map(URI::toString)
                .orElseThrow(() -> new IllegalStateException("Set couchannel.gateway.routes.identity"));
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(bff.oauth().clientId())
                .clientSecret(bff.oauth().clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .redirectUri("{baseUrl}" + CALLBACK)
                .scope(SCOPES)
                // the browser goes here: the public origin, proxied to identity
                .authorizationUri(origin + "/oauth2/authorize")
                // the gateway goes there itself: identity's internal URL
                .tokenUri(identity + "/oauth2/token")
                .jwkSetUri(identity + "/oauth2/jwks")
                .userInfoUri(identity + "/userinfo")
                .userNameAttributeName("sub")
                .issuerUri(issuer)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", origin + "/connect/logout"))
                .clientName("couchannel")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** In the (Redis-backed) session: the tokens never reach the browser. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token, refreshing it when it has (almost) expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(Duration.ofSeconds(30)))
                .build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    /** {@code GET /bff/login} starts the flow for the one registration: no registration id in the URL. */
    @Bean
    OAuth2AuthorizationRequestResolver authorizationRequests(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, LOGIN);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return isLogin(request) ? resolver.resolve(request, REGISTRATION) : null;
            }

            @Override
            public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return resolver.resolve(request, registrationId);
            }
        };
    }

    private static boolean isLogin(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && LOGIN.equals(request.getRequestURI());
    }

    /**
     * The signed-in user: identity's ID token and userinfo, with the authorities of the access
     * token ({@code SCOPE_*}, {@code ROLE_*}), which the decoder checks like any bearer token.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(JwtDecoder accessTokenDecoder) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new LinkedHashSet<>();
            authorities.add(new SimpleGrantedAuthority("OIDC_USER"));
            authorities.addAll(TokenChecks.authorities(
                    accessTokenDecoder.decode(request.getAccessToken().getTokenValue())));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    /** RP-initiated logout at identity, which sends the browser back to the app. */
    @Bean
    LogoutSuccessHandler bffLogoutSuccess(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setDefaultTargetUrl("/");
        return handler;
    }
}
