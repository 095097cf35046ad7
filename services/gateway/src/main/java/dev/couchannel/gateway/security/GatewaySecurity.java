package dev.couchannel.gateway.security;

import dev.couchannel.gateway.bff.BffLogin;
import dev.couchannel.gateway.bff.Sessions;
import dev.couchannel.gateway.routing.RouteTable;
import dev.couchannel.gateway.web.ProblemWriter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may pass the edge.
 *
 * <ol>
 *   <li>Identity's pages and endpoints ({@link RouteTable#IDENTITY_PATHS}) pass untouched: no
 *       authentication, no CSRF check, no session. Identity protects them itself.
 *   <li>Everything else: a bearer token (checked by {@link
 *       dev.couchannel.gateway.identity.TokenChecks}) or the web app's session ({@link BffLogin});
 *       {@code /api} operations need what {@link dev.couchannel.gateway.routing.AccessRules}
 *       says. A write that rides on the session cookie needs the CSRF token too (SPA style:
 *       cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}); a bearer token is no ambient
 *       credential, so its requests need none.
 * </ol>
 *
 * Refusals are problem+json: 401 with {@code WWW-Authenticate}, 403 for a missing grant or CSRF
 * token. The security headers are the gateway's own ({@link dev.couchannel.gateway.web.SecurityHeaders}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class GatewaySecurity {

    private static final String SURVEYS = "/api/surveys/";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(1)
    SecurityFilterChain identityPages(HttpSecurity http) throws Exception {
        RequestMatcher[] paths = RouteTable.IDENTITY_PATHS.stream()
                .map(path -> PathPatternRequestMatcher.withDefaults().matcher(path))
                .toArray(RequestMatcher[]::new);
        http.securityMatcher(new OrRequestMatcher(paths))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain edge(
            HttpSecurity http,
            JwtDecoder accessTokenDecoder,
            JwtAuthenticationConverter accessTokenAuthentication,
            OAuth2AuthorizationRequestResolver authorizationRequests,
            OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers,
            LogoutSuccessHandler bffLogoutSuccess)
            throws Exception {
        AuthenticationEntryPoint unauthorized = GatewaySecurity::unauthorized;
        AccessDeniedHandler forbidden = GatewaySecurity::forbidden;
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/**")
                        .access(new RouteAccess())
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt ->
                                jwt.decoder(accessTokenDecoder).jwtAuthenticationConverter(accessTokenAuthentication))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .oauth2Login(login -> login.loginPage(BffLogin.LOGIN)
                        .authorizationEndpoint(endpoint ->
                                endpoint.baseUri(BffLogin.LOGIN).authorizationRequestResolver(authorizationRequests))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri(BffLogin.CALLBACK))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                        .defaultSuccessUrl("/", true)
                        .failureUrl("/?login=failed"))
                .logout(logout -> logout.logoutUrl(BffLogin.LOGOUT)
                        .logoutSuccessHandler(bffLogoutSuccess)
                        .invalidateHttpSession(true)
                        .deleteCookies(Sessions.COOKIE))
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .requireCsrfProtectionMatcher(GatewaySecurity::ridesOnTheSessionCookie))
                .addFilterAfter(new CsrfCookie(), org.springframework.security.web.csrf.CsrfFilter.class)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        return http.build();
    }

    /**
     * A write that the browser could have sent on its own, with the session cookie attached: the
     * only kind a cross-site page can forge.
     */
    static boolean ridesOnTheSessionCookie(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        // a survey answer is authorised by the unguessable token in its path, never by the cookie
        // (analytics ignores who is signed in), so the survey page's plain form needs no CSRF token
        if (request.getRequestURI().startsWith(SURVEYS)) {
            return false;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (Sessions.COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private static final BearerTokenAuthenticationEntryPoint BEARER_CHALLENGE =
            new BearerTokenAuthenticationEntryPoint();
    private static final BearerTokenAccessDeniedHandler BEARER_DENIAL = new BearerTokenAccessDeniedHandler();

    private static void unauthorized(
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            AuthenticationException failure)
            throws java.io.IOException {
        // status 401 and WWW-Authenticate: Bearer (with error="invalid_token" for a refused token)
        BEARER_CHALLENGE.commence(request, response, failure);
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        ProblemWriter.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                tokenSent
                        ? "The bearer token is not valid (signature, issuer, audience or lifetime); get a new one."
                        : "Sign in first: send 'Authorization: Bearer <token>' or sign in at /bff/login.");
    }

    private static void forbidden(
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied)
            throws java.io.IOException, jakarta.servlet.ServletException {
        if (denied instanceof CsrfException) {
            ProblemWriter.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "The CSRF token is missing or wrong: send the value of the XSRF-TOKEN cookie as X-XSRF-TOKEN.");
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            // WWW-Authenticate: Bearer error="insufficient_scope"
            BEARER_DENIAL.handle(request, response, denied);
        }
        ProblemWriter.write(response, HttpStatus.FORBIDDEN, "Forbidden", "You are signed in but may not do this.");
    }
}
