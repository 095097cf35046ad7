package dev.couchannel.identity.tokens;

import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.application.Accounts;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the authorization server's tokens: access tokens per ADR 12 (through
 * {@link AccessTokenClaims}), ID tokens with the user id as subject and the e-mail address.
 */
@Component
class TokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AccessTokenClaims claims;
    private final Accounts accounts;

    TokenCustomizer(AccessTokenClaims claims, Accounts accounts) {
        this.claims = claims;
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                claims.describeClient(
                        context.getClaims(),
                        context.getRegisteredClient().getClientId(),
                        context.getAuthorizedScopes());
            }
            return;
        }
        User user = accounts.require(context.getPrincipal().getName());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            claims.describeUser(context.getClaims(), user, context.getAuthorizedScopes());
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims()
                    .subject(user.id().toString())
                    .claim("email", user.email())
                    .claim("email_verified", user.emailVerified());
        }
    }
}
