package dev.couchannel.inventory.catalog.web;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.platform.service.ApiProblem;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/fixtures} of the public API (contracts/openapi). */
@RestController
class FixtureController {

    private final Fixtures fixtures;

    FixtureController(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @GetMapping("/api/fixtures")
    List<Fixture> list(
            @RequestParam(required = false) @Size(max = 100) @Nullable String competition,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badRequest("'to' must not be before 'from'.");
        }
        return fixtures.find(competition, from, to, 500);
    }
}
