package dev.couchannel.hosting.venue;

import java.util.List;

/** Venue facts that break the rules; lists every fact to fix, not just the first. */
public final class InvalidVenue extends RuntimeException {

    private final List<Violation> violations;

    public InvalidVenue(List<Violation> violations) {
        super(describe(violations), null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid venue breaks at least one rule");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(violation.field())
                    .append(": ")
                    .append(violation.message());
        }
        return text.toString();
    }
}
