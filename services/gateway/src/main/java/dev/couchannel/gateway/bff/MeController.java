package dev.couchannel.gateway.bff;

import dev.couchannel.gateway.identity.SignedInCaller;
import dev.couchannel.platform.service.ApiProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the web app (or an API client) is signed in as. */
@RestController
class MeController {

    /**
     * @param id the user's id at identity ({@code sub})
     */
    record Me(String id, @Nullable String email, List<String> roles) {}

    @GetMapping("/api/me")
    Me me(@Nullable Authentication authentication) {
        SignedInCaller caller =
                SignedInCaller.of(authentication).orElseThrow(() -> ApiProblem.unauthorized("Sign in first."));
        return new Me(caller.subject(), caller.email(), caller.roles());
    }
}
