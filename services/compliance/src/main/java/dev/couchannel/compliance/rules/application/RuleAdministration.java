package dev.couchannel.compliance.rules.application;

import dev.couchannel.compliance.rules.Rule;
import dev.couchannel.compliance.rules.RuleDraft;
import dev.couchannel.compliance.rules.Rules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What an administrator does with the rules: read them all, add a rule or a version, disable one. */
@Service
public class RuleAdministration {

    private final Rules rules;

    RuleAdministration(Rules rules) {
        this.rules = rules;
    }

    /** The outcome of adding a rule. */
    public sealed interface Added {

        record Stored(Rule rule) implements Added {}

        record Invalid(Map<String, String> problems) implements Added {}

        /** Another version of the rule was stored at the same moment; try again. */
        record Raced(String id) implements Added {}
    }

    public List<Rule> all() {
        return rules.all();
    }

    /** Stores the draft as rule {@code id}'s next version (version 1 for a new id). */
    public Added add(RuleDraft draft) {
        Map<String, String> problems = draft.problems();
        if (!problems.isEmpty()) {
            return new Added.Invalid(problems);
        }
        Rule rule = draft.toRule(rules.book().nextVersion(draft.id()));
        return rules.add(rule) ? new Added.Stored(rule) : new Added.Raced(rule.id());
    }

    public Optional<Rule> disable(String id) {
        return rules.disable(id);
    }
}
