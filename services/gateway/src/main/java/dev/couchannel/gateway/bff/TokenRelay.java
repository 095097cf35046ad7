package dev.couchannel.gateway.bff;

import dev.couchannel.platform.service.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The access token to send downstream for a request signed in through the session: services only
 * trust tokens (zero trust), never the gateway's word. Refreshes an expired token with the
 * session's refresh token; when that fails the user has to sign in again (401).
 */
@Component
public class TokenRelay {

    private static final Logger log = LoggerFactory.getLogger(TokenRelay.class);

    private final OAuth2AuthorizedClientManager authorizedClients;

    TokenRelay(OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /** The session's access token, empty for a request that is not signed in through a session. */
    public Optional<String> accessToken(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken session)) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client;
        try {
            client = authorizedClients.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                            .principal(session)
                            .attribute(HttpServletRequest.class.getName(), request)
                            .attribute(HttpServletResponse.class.getName(), response)
                            .build());
        } catch (ClientAuthorizationException refused) {
            log.info("the session's token could not be refreshed: {}", refused.getError());
            client = null;
        }
        if (client == null) {
            throw ApiProblem.unauthorized("Your sign-in has expired; sign in again at /bff/login.");
        }
        return Optional.of(client.getAccessToken().getTokenValue());
    }
}
