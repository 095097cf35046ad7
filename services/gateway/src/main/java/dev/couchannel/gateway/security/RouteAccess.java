package dev.couchannel.gateway.security;

import dev.couchannel.gateway.routing.AccessRules;
import dev.couchannel.gateway.routing.AccessRules.Requirement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants or refuses an {@code /api} request by {@link AccessRules}: refused for an anonymous
 * caller means 401, for a signed-in one without the grant 403 (Spring Security's exception
 * translation tells the two apart).
 */
final class RouteAccess implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Requirement requirement =
                AccessRules.requirement(HttpMethod.valueOf(request.getMethod()), request.getRequestURI());
        if (requirement == null || requirement instanceof Requirement.Anyone) {
            return new AuthorizationDecision(true);
        }
        Authentication caller = authentication.get();
        boolean signedIn =
                caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(
                signedIn && (!(requirement instanceof Requirement.AnyOf anyOf) || holdsAny(caller, anyOf)));
    }

    private static boolean holdsAny(Authentication caller, Requirement.AnyOf requirement) {
        for (GrantedAuthority authority : caller.getAuthorities()) {
            for (String grant : requirement.grants()) {
                if (("SCOPE_" + grant).equals(authority.getAuthority())
                        || ("ROLE_" + grant).equals(authority.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
