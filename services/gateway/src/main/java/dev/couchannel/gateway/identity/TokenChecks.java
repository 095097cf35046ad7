package dev.couchannel.gateway.identity;

import dev.couchannel.platform.service.AccessTokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * How the gateway checks an access token: with the platform's decoder ({@link AccessTokens}, ADR
 * 12: identity's keys, {@code RS256}/{@code ES256} only, issuer, audience, a required {@code exp}
 * and {@code nbf} with 60 s skew, an unknown {@code kid} refetches the key set once).
 *
 * <p>The check runs inside Spring Security (beside the web app's session, the route rules and
 * CSRF), so the platform's own bearer-token filter is not registered here
 * ({@code couchannel.spring-security.enabled}); it would also refuse the {@code Basic} client
 * authentication that identity's token endpoint receives through the gateway.
 *
 * <p>What a token allows becomes authorities: {@code SCOPE_<scope>} for each entry of {@code
 * scope} and {@code ROLE_<role>} for each of {@code roles}.
 */
@Configuration(proxyBeanMethods = false)
public class TokenChecks {

    @Bean
    JwtAuthenticationConverter accessTokenAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(TokenChecks::authorities);
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
