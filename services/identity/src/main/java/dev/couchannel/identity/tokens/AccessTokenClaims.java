package dev.couchannel.identity.tokens;

import dev.couchannel.identity.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * The one place that says who an access token speaks for and what it allows (ADR 12): the
 * authorization server's tokens and local tokens both go through here.
 */
@Component
public class AccessTokenClaims {

    /** Every couchannel service accepts tokens addressed to this audience. */
    public static final String AUDIENCE = "couchannel-api";

    /** The scope of service-to-service tokens. */
    public static final String INTERNAL = "internal";

    // ArrayLists, not List.of: stored authorizations keep the claims as polymorphic JSON, whose
    // allow-list knows ArrayList but not the JDK's immutable lists
    private static final Set<String> OIDC_SCOPES = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL);

    /**
     * A user's token: subject is the user id; scopes are those requested that the user's roles
     * allow (the OpenID ones stay, they only unlock {@code /userinfo}).
     */
    public void describeUser(JwtClaimsSet.Builder claims, User user, Set<String> requestedScopes) {
        claims.subject(user.id().toString())
                .audience(new ArrayList<>(List.of(AUDIENCE)))
                .claim("email", user.email())
                .claim("roles", new ArrayList<>(user.roleNames()))
                .claim("scope", new ArrayList<>(grantedScopes(user, requestedScopes)));
    }

    /** A service's client-credentials token: subject is the client id, scope {@code internal}. */
    public void describeClient(JwtClaimsSet.Builder claims, String clientId, Set<String> requestedScopes) {
        claims.subject(clientId)
                .audience(new ArrayList<>(List.of(AUDIENCE)))
                .claim("scope", new ArrayList<>(requestedScopes.contains(INTERNAL) ? List.of(INTERNAL) : List.of()));
    }

    /** The requested scopes this user may hold, sorted. */
    public static Set<String> grantedScopes(User user, Set<String> requestedScopes) {
        Set<String> allowed = user.allowedScopes();
        Set<String> granted = new TreeSet<>();
        for (String scope : requestedScopes) {
            if (allowed.contains(scope) || OIDC_SCOPES.contains(scope)) {
                granted.add(scope);
            }
        }
        return granted;
    }
}
