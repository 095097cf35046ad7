package dev.couchannel.inventory.seating.web;

import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.Violation;
import dev.couchannel.inventory.seating.application.CancelSession;
import dev.couchannel.inventory.seating.application.PlanSession;
import dev.couchannel.inventory.seating.application.PublishSession;
import dev.couchannel.inventory.seating.web.SessionController.SessionView;
import dev.couchannel.inventory.seating.web.SessionRequest.CancelRequest;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host's side of a session's life (contracts/openapi): plan a draft, publish it past the
 * broadcasting rules, cancel it. Only host accounts plan and publish, and only their own venues'
 * sessions; an admin may cancel any session.
 */
@RestController
class SessionLifecycleController {

    private final PlanSession planSession;
    private final PublishSession publishSession;
    private final CancelSession cancelSession;

    SessionLifecycleController(PlanSession planSession, PublishSession publishSession, CancelSession cancelSession) {
        this.planSession = planSession;
        this.publishSession = publishSession;
        this.cancelSession = cancelSession;
    }

    @PostMapping("/api/sessions")
    ResponseEntity<SessionView> plan(@Valid @RequestBody SessionRequest body, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("plan sessions", Caller.HOST);
        Currency currency;
        try {
            currency = Currency.getInstance(body.pricePerSeat().currency());
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(
                    new Violation("pricePerSeat.currency", "pricePerSeat.currency is not an ISO 4217 currency code")));
        }
        PlanSession.Plan plan = new PlanSession.Plan(
                UUID.fromString(body.venueId()),
                UUID.fromString(body.fixtureId()),
                body.seats(),
                new Money(new BigDecimal(body.pricePerSeat().amount()), currency),
                RefundPolicy.valueOf(body.refundPolicy()),
                body.description() == null ? "" : body.description().strip());
        return switch (planSession.plan(caller.id(), plan)) {
            case PlanSession.Outcome.Planned planned ->
                ResponseEntity.created(
                                URI.create("/api/sessions/" + planned.session().id()))
                        .body(SessionView.of(planned.session()));
            case PlanSession.Outcome.Invalid invalid -> throw invalid(invalid.violations());
            case PlanSession.Outcome.NotYourVenue notYours ->
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "Venue " + plan.venueId() + " belongs to another host; plan sessions at your own venues.",
                        Map.of());
            case PlanSession.Outcome.VenuesUnavailable unavailable ->
                throw unavailable("The venue cannot be checked right now (hosting is unavailable); "
                        + "nothing was saved. Try again shortly.");
        };
    }

    @PostMapping("/api/sessions/{id}/publish")
    SessionView publish(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("publish sessions", Caller.HOST);
        return switch (publishSession.publish(id, caller.id())) {
            case PublishSession.Outcome.Published published -> SessionView.of(published.session());
            case PublishSession.Outcome.NotFound notFound -> throw ApiProblem.notFound("session", id);
            case PublishSession.Outcome.NotYours notYours -> throw notYours();
            case PublishSession.Outcome.NotPublishable not -> throw ApiProblem.conflict(not.reason());
            case PublishSession.Outcome.Refused refused ->
                throw new ApiProblem(
                        HttpStatus.CONFLICT,
                        "Refused by broadcasting rules",
                        "The broadcasting rules do not allow this session as it is; it stays a draft. "
                                + "See 'findings': "
                                + refused.findings().getFirst().reason(),
                        Map.of("findings", refused.findings()));
            case PublishSession.Outcome.RulesUnavailable unavailable ->
                throw unavailable("The broadcasting rules cannot be checked right now; the session stays a draft. "
                        + "Try publishing again shortly.");
        };
    }

    @PostMapping("/api/sessions/{id}/cancel")
    SessionView cancel(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable CancelRequest body,
            HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("cancel sessions", Caller.HOST, Caller.ADMIN);
        String reason =
                body == null || body.reason() == null ? "" : body.reason().strip();
        return switch (cancelSession.cancel(id, caller.id(), caller.isAdmin(), reason)) {
            case CancelSession.Outcome.Cancelled cancelled -> SessionView.of(cancelled.session());
            case CancelSession.Outcome.AlreadyCancelled already -> SessionView.of(already.session());
            case CancelSession.Outcome.NotFound notFound -> throw ApiProblem.notFound("session", id);
            case CancelSession.Outcome.NotYours notYours -> throw notYours();
        };
    }

    private static ApiProblem notYours() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "Only the session's host may do this.", Map.of());
    }

    static ApiProblem invalid(List<Violation> violations) {
        return ApiProblem.invalidFields(violations.stream()
                .map(v -> new FieldProblem(v.field(), v.message()))
                .toList());
    }

    static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, Map.of());
    }
}
