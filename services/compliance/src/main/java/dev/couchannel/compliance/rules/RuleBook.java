package dev.couchannel.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * Every version of every rule, and the engine that judges a showing by them: for each rule id the
 * highest version is the current one, and it is evaluated only while enabled (a disabled current
 * version silences the rule; earlier versions never come back by themselves).
 */
public final class RuleBook {

    private final List<Rule> versions;

    public RuleBook(Collection<Rule> versions) {
        this.versions = List.copyOf(versions);
    }

    /** The current, enabled version of each rule, ordered by id. */
    public List<Rule> current() {
        Map<String, Rule> latest = versions.stream()
                .collect(Collectors.toMap(
                        Rule::id, rule -> rule, BinaryOperator.maxBy(Comparator.comparingInt(Rule::version))));
        return latest.values().stream()
                .filter(Rule::enabled)
                .sorted(Comparator.comparing(Rule::id))
                .toList();
    }

    /** The version a new version of {@code id} gets: one more than its highest, or 1. */
    public int nextVersion(String id) {
        return versions.stream()
                        .filter(rule -> rule.id().equals(id))
                        .mapToInt(Rule::version)
                        .max()
                        .orElse(0)
                + 1;
    }

    /** Evaluates every current rule that applies to the showing; allowed when none objects. */
    public Verdict judge(Facts facts, Instant now) {
        List<Finding> findings = new ArrayList<>();
        List<String> evaluated = new ArrayList<>();
        for (Rule rule : current()) {
            if (rule.appliesTo(facts)) {
                evaluated.add(rule.ref());
                rule.evaluate(facts, now).ifPresent(findings::add);
            }
        }
        return new Verdict(findings, evaluated);
    }
}
