package dev.couchannel.compliance.rules;

import java.util.List;

/**
 * What the rules say about a showing.
 *
 * @param findings the objections, empty when allowed
 * @param rulesEvaluated every rule that applied to the showing, as {@code id@version}
 */
public record Verdict(List<Finding> findings, List<String> rulesEvaluated) {

    public Verdict {
        findings = List.copyOf(findings);
        rulesEvaluated = List.copyOf(rulesEvaluated);
    }

    public static Verdict refused(Finding finding) {
        return new Verdict(List.of(finding), List.of());
    }

    public boolean allowed() {
        return findings.isEmpty();
    }

    /** The reason to show a guest: the first finding's. */
    public String reason() {
        return findings.isEmpty() ? "" : findings.getFirst().reason();
    }
}
