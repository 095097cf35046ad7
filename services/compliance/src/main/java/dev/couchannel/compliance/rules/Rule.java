package dev.couchannel.compliance.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a broadcasting rule: which evaluator it uses, where it applies, its parameters,
 * and the reason a person reads when it refuses. A changed rule is a new version, never an edit,
 * so a verdict's {@code id@version} always says exactly what was applied.
 *
 * @param reason a template: {@code {rule}} is replaced by {@link #ref()}, other {@code {names}} by
 *     the values the kind reports (see {@link RuleKind})
 */
public record Rule(
        String id,
        int version,
        boolean enabled,
        RuleKind kind,
        RuleScope scope,
        RuleParameters parameters,
        String reason) {

    /** The rule as verdicts name it: {@code uk-3pm-blackout@1}. */
    public String ref() {
        return id + "@" + version;
    }

    public boolean appliesTo(Facts facts) {
        return scope.covers(facts);
    }

    /** The finding of this rule on a showing it applies to, if the showing breaks it. */
    public Optional<Finding> evaluate(Facts facts, Instant now) {
        return kind.violation(parameters, facts, now).map(values -> new Finding(ref(), render(values)));
    }

    public Rule disable() {
        return new Rule(id, version, false, kind, scope, parameters, reason);
    }

    private String render(Map<String, String> values) {
        String text = reason.replace("{rule}", ref());
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
