package dev.couchannel.inventory.seating.web;

import dev.couchannel.inventory.seating.application.PostponeFixture;
import dev.couchannel.inventory.seating.web.SessionRequest.CancelRequest;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/fixtures/{id}/postpone}: a postponed match cancels its sessions (contracts/openapi). */
@RestController
class FixturePostponementController {

    private final PostponeFixture postponeFixture;
    private final Set<String> admins;

    FixturePostponementController(
            PostponeFixture postponeFixture,
            @Value("${couchannel.inventory.admins:admin@example.com}") Set<String> admins) {
        this.postponeFixture = postponeFixture;
        this.admins = Set.copyOf(admins);
    }

    record Postponement(UUID fixtureId, List<UUID> sessionsCancelled) {}

    @PostMapping("/api/admin/fixtures/{id}/postpone")
    Postponement postpone(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable CancelRequest body,
            HttpServletRequest http) {
        Caller caller = Caller.require(http);
        if (!admins.contains(caller.id())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin may postpone a fixture.", Map.of());
        }
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? "The match was postponed."
                : body.reason().strip();
        return postponeFixture
                .postpone(id, caller.id(), reason)
                .map(cancelled -> new Postponement(id, cancelled))
                .orElseThrow(() -> ApiProblem.notFound("fixture", id));
    }
}
