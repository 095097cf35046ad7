package dev.couchannel.identity.audit.web;

import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import dev.couchannel.platform.service.ApiProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/audit}: the newest security events, for administrators. */
@RestController
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    List<AuditEvent> recent(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badRequest("'limit' must be between 1 and 1000.");
        }
        Optional<AuditEvent.Type> wanted = Optional.empty();
        if (type != null) {
            wanted = Optional.of(Arrays.stream(AuditEvent.Type.values())
                    .filter(candidate -> candidate.name().equals(type))
                    .findFirst()
                    .orElseThrow(() -> ApiProblem.badRequest("Unknown event type '" + type + "': use one of "
                            + Arrays.toString(AuditEvent.Type.values()) + ".")));
        }
        return audit.recent(wanted, Optional.ofNullable(subject), limit);
    }
}
