package dev.couchannel.compliance.rules;

import java.util.List;
import java.util.Optional;

/** The stored rules, every version of each. */
public interface Rules {

    List<Rule> all();

    default RuleBook book() {
        return new RuleBook(all());
    }

    /** Stores {@code rule} as a new version; false when that id@version exists already. */
    boolean add(Rule rule);

    /** Disables the current version of rule {@code id}; empty when there is no such rule. */
    Optional<Rule> disable(String id);
}
