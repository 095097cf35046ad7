package dev.couchannel.gateway.identity;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of a request, whether it came with a bearer token or the web app's session.
 *
 * @param subject the user's id at identity ({@code sub})
 * @param email the user's e-mail address (lower case), the key services store owners by
 * @param roles e.g. {@code [guest, host]}
 */
public record SignedInCaller(String subject, @Nullable String email, List<String> roles) {

    public static Optional<SignedInCaller> of(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(new SignedInCaller(
                    token.getToken().getSubject(), token.getToken().getClaimAsString("email"), roles(authentication)));
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(new SignedInCaller(user.getSubject(), user.getEmail(), roles(authentication)));
        }
        return Optional.empty();
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
    }
}
