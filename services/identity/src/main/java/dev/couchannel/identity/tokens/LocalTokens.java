package dev.couchannel.identity.tokens;

import dev.couchannel.identity.IdentityProperties;
import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import dev.couchannel.identity.users.application.RoleAdministration;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Real access tokens without a browser, for local runs ({@code ./couchannel token <email>}):
 * signed with the active key, claims from {@link AccessTokenClaims} like every other token.
 */
@Service
public class LocalTokens {

    private final Users users;
    private final RoleAdministration roles;
    private final AccessTokenClaims claims;
    private final JwtEncoder encoder;
    private final Clock clock;
    private final IdentityProperties properties;

    LocalTokens(
            Users users,
            RoleAdministration roles,
            AccessTokenClaims claims,
            JwtEncoder encoder,
            Clock clock,
            IdentityProperties properties) {
        this.users = users;
        this.roles = roles;
        this.claims = claims;
        this.encoder = encoder;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A token for the account at {@code email}; an unknown address becomes a verified account with
     * {@code wantedRoles} (guest when empty); a known one gets {@code wantedRoles} when given.
     */
    public Jwt issue(String email, Set<Role> wantedRoles) {
        Instant now = clock.instant();
        // a token is judged by its reader's wall clock, whatever time this stack's test has moved to
        Instant issued = Instant.now();
        Set<Role> initial = wantedRoles.isEmpty() ? Set.of(Role.GUEST) : wantedRoles;
        User user = users.byEmail(email).orElseGet(() -> {
            users.add(User.register(email, null, initial, now).verified());
            return users.byEmail(email).orElseThrow();
        });
        if (!wantedRoles.isEmpty()) {
            user = roles.changeRoles(user, wantedRoles, "local-tokens");
        }
        JwtClaimsSet.Builder token = JwtClaimsSet.builder()
                .issuer(properties.issuerBase())
                .issuedAt(issued)
                .notBefore(issued)
                .expiresAt(issued.plus(properties.accessTokenLifetime()))
                .id(UUID.randomUUID().toString());
        claims.describeUser(token, user, Role.allUserScopes());
        return encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), token.build()));
    }
}
