package dev.couchannel.compliance.rules.web;

import dev.couchannel.compliance.rules.Rule;
import dev.couchannel.compliance.rules.RuleDraft;
import dev.couchannel.compliance.rules.application.RuleAdministration;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The administrators' API over the broadcasting rules: callers whose access token carries the admin role. */
@RestController
@RequestMapping("/api/admin/compliance/rules")
class RuleController {

    private final RuleAdministration administration;

    RuleController(RuleAdministration administration) {
        this.administration = administration;
    }

    record ScopeView(
            @Nullable String territory,
            @Nullable String competition,
            @Nullable String venueType,
            @Nullable String licence) {}

    record RuleView(
            String id,
            int version,
            String ref,
            boolean enabled,
            boolean current,
            String kind,
            ScopeView scope,
            Map<String, String> parameters,
            String reason) {

        static RuleView of(Rule rule, boolean current) {
            return new RuleView(
                    rule.id(),
                    rule.version(),
                    rule.ref(),
                    rule.enabled(),
                    current,
                    rule.kind().name(),
                    new ScopeView(
                            rule.scope().territory(),
                            rule.scope().competition(),
                            rule.scope().venueType() == null
                                    ? null
                                    : rule.scope().venueType().name(),
                            rule.scope().licence() == null
                                    ? null
                                    : rule.scope().licence().name()),
                    new LinkedHashMap<>(rule.parameters().values()),
                    rule.reason());
        }
    }

    record NewRule(
            @Nullable String id,
            @Nullable String kind,
            @Nullable Boolean enabled,
            @Nullable ScopeView scope,
            @Nullable Map<String, Object> parameters,
            @Nullable String reason) {

        RuleDraft draft() {
            ScopeView where = scope == null ? new ScopeView(null, null, null, null) : scope;
            Map<String, String> values = new LinkedHashMap<>();
            if (parameters != null) {
                parameters.forEach((name, value) -> values.put(name, value == null ? "" : String.valueOf(value)));
            }
            return new RuleDraft(
                    id,
                    kind,
                    where.territory(),
                    where.competition(),
                    where.venueType(),
                    where.licence(),
                    values,
                    reason,
                    enabled == null || enabled);
        }
    }

    @GetMapping
    List<RuleView> all(HttpServletRequest request) {
        requireAdmin(request);
        List<Rule> rules = administration.all();
        Map<String, Integer> latest = rules.stream().collect(Collectors.toMap(Rule::id, Rule::version, Math::max));
        return rules.stream()
                .map(rule -> RuleView.of(rule, latest.get(rule.id()) == rule.version()))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RuleView add(@RequestBody NewRule body, HttpServletRequest request) {
        requireAdmin(request);
        return switch (administration.add(body.draft())) {
            case RuleAdministration.Added.Stored stored -> RuleView.of(stored.rule(), true);
            case RuleAdministration.Added.Invalid invalid ->
                throw ApiProblem.invalidFields(invalid.problems().entrySet().stream()
                        .map(problem -> new FieldProblem(problem.getKey(), problem.getValue()))
                        .toList());
            case RuleAdministration.Added.Raced raced ->
                throw ApiProblem.conflict("Another version of rule " + raced.id() + " was added meanwhile; try again.");
        };
    }

    @PostMapping("/{id}/disable")
    RuleView disable(@PathVariable String id, HttpServletRequest request) {
        requireAdmin(request);
        return administration
                .disable(id)
                .map(rule -> RuleView.of(rule, true))
                .orElseThrow(() -> ApiProblem.notFound("rule", id));
    }

    private static void requireAdmin(HttpServletRequest request) {
        Caller.require(request).requireRole("read or change the broadcasting rules", Caller.ADMIN);
    }
}
