package dev.couchannel.inventory.seating.web;

import dev.couchannel.inventory.admin.Admins;
import dev.couchannel.inventory.seating.application.PostponeFixture;
import dev.couchannel.inventory.seating.web.SessionRequest.CancelRequest;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/fixtures/{id}/postpone}: a postponed match cancels its sessions (contracts/openapi). */
@RestController
class FixturePostponementController {

    private final PostponeFixture postponeFixture;
    private final Admins admins;

    FixturePostponementController(PostponeFixture postponeFixture, Admins admins) {
        this.postponeFixture = postponeFixture;
        this.admins = admins;
    }

    record Postponement(UUID fixtureId, List<UUID> sessionsCancelled) {}

    @PostMapping("/api/admin/fixtures/{id}/postpone")
    Postponement postpone(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable CancelRequest body,
            HttpServletRequest http) {
        Caller caller = admins.require(http, "postpone a fixture");
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? "The match was postponed."
                : body.reason().strip();
        return postponeFixture
                .postpone(id, caller.id(), reason)
                .map(cancelled -> new Postponement(id, cancelled))
                .orElseThrow(() -> ApiProblem.notFound("fixture", id));
    }
}
