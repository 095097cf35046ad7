package dev.couchannel.identity.tokens;

import dev.couchannel.identity.users.EmailAddress;
import dev.couchannel.identity.users.Role;
import dev.couchannel.platform.service.ApiProblem;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /local/tokens}: only when {@code couchannel.identity.local-tokens.enabled} (never in production). */
@RestController
@ConditionalOnBooleanProperty("couchannel.identity.local-tokens.enabled")
class LocalTokensController {

    private final LocalTokens tokens;

    LocalTokensController(LocalTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@Nullable String email, @Nullable List<String> roles) {}

    record TokenResponse(String access_token, String token_type, long expires_in) {}

    @PostMapping("/local/tokens")
    TokenResponse issue(@RequestBody TokenRequest request) {
        String email = EmailAddress.normalize(request.email())
                .orElseThrow(() -> ApiProblem.badRequest("'email' must be a valid e-mail address."));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : request.roles() == null ? List.<String>of() : request.roles()) {
            roles.add(Role.fromWireName(name)
                    .orElseThrow(
                            () -> ApiProblem.badRequest("Unknown role '" + name + "': use guest, host or admin.")));
        }
        Jwt jwt = tokens.issue(email, roles);
        return new TokenResponse(
                jwt.getTokenValue(),
                "Bearer",
                Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()).toSeconds());
    }
}
