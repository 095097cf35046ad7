package dev.couchannel.inventory.seating.web;

import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sessions} and {@code GET /api/sessions/{id}} of the public API (contracts/openapi).
 * Drafts are visible to their host only.
 */
@RestController
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    record MoneyView(String amount, String currency) {
        static MoneyView of(Money money) {
            return new MoneyView(
                    money.amount().toPlainString(), money.currency().getCurrencyCode());
        }
    }

    record SessionView(
            UUID id,
            UUID fixtureId,
            UUID venueId,
            SessionStatus status,
            int seats,
            int seatsLeft,
            MoneyView pricePerSeat,
            RefundPolicy refundPolicy,
            String description) {
        static SessionView of(ViewingSession session) {
            return new SessionView(
                    session.id(),
                    session.fixtureId(),
                    session.venueId(),
                    session.status(),
                    session.seats().capacity(),
                    session.seats().free(),
                    MoneyView.of(session.pricePerSeat()),
                    session.refundPolicy(),
                    session.description());
        }
    }

    record SessionPage(List<SessionView> items, int page, int size, long total) {}

    @GetMapping("/api/sessions")
    SessionPage list(
            @RequestParam(required = false) @Nullable UUID fixtureId,
            @RequestParam(required = false) @Nullable UUID venueId,
            @RequestParam(required = false) @Nullable SessionStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            HttpServletRequest http) {
        Sessions.Query query = new Sessions.Query(fixtureId, venueId, status, page, size, viewer(http));
        List<SessionView> items =
                sessions.list(query).stream().map(SessionView::of).toList();
        return new SessionPage(items, page, size, sessions.count(query));
    }

    @GetMapping("/api/sessions/{id}")
    SessionView get(@PathVariable UUID id, HttpServletRequest http) {
        String viewer = viewer(http);
        return sessions.find(id)
                // a draft is its host's business until published
                .filter(session -> session.status() != SessionStatus.DRAFT || session.isHostedBy(viewer))
                .map(SessionView::of)
                .orElseThrow(() -> ApiProblem.notFound("session", id));
    }

    /** The caller, when the request carried a valid token; the listing is public, so none is needed. */
    private static @Nullable String viewer(HttpServletRequest http) {
        return Caller.optional(http).map(Caller::id).orElse(null);
    }
}
