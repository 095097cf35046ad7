package dev.couchannel.identity.server;

import dev.couchannel.identity.IdentityProperties;
import dev.couchannel.identity.users.application.PasswordLogin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the authorization server's endpoints, identity's own bearer-token APIs
 * ({@code /api/**}, {@code /local/**}), and the browser pages (login, passkeys, registration).
 * They are identity's own, so nothing a platform library adds for resource servers applies here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // /userinfo takes the access token
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        ProblemSecurityResponses problems = new ProblemSecurityResponses();
        http.securityMatcher("/api/**", "/local/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/users")
                        .permitAll()
                        // reputation is public: counts and scores, never an e-mail address (ADR 20)
                        .requestMatchers(HttpMethod.GET, "/api/users/*/reputation")
                        .permitAll()
                        .requestMatchers("/local/**")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole("admin")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(jwt ->
                                jwt.decoder(decoder).jwtAuthenticationConverter(SecurityConfiguration::withRoles))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // bearer tokens and no cookies: nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browserChain(HttpSecurity http, PasswordLogin passwords, IdentityProperties properties)
            throws Exception {
        List<String> origins = properties.webauthn().allowedOrigins().isEmpty()
                ? List.of(properties.issuerBase())
                : properties.webauthn().allowedOrigins();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/register",
                                "/verify",
                                "/error",
                                "/identity.css",
                                "/login/webauthn.js",
                                "/healthz",
                                "/readinessz",
                                "/actuator/health/**",
                                "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(new ProviderManager(passwords))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))
                        .permitAll())
                .webAuthn(webauthn -> webauthn.rpName("couchannel")
                        .rpId(properties.webauthn().rpId())
                        .allowedOrigins(origins.toArray(String[]::new)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Roles from the token's {@code roles} claim as {@code ROLE_<role>} authorities, scopes as {@code SCOPE_<scope>}. */
    private static AbstractAuthenticationToken withRoles(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        List<String> scopes = jwt.getClaimAsStringList("scope");
        if (scopes != null) {
            scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        }
        String email = jwt.getClaimAsString("email");
        return new JwtAuthenticationToken(jwt, authorities, email != null ? email : jwt.getSubject());
    }
}
