package dev.couchannel.compliance.rules;

/**
 * One rule's objection to a showing.
 *
 * @param ruleId the rule as {@code id@version}, or a pseudo rule such as {@code facts-unavailable}
 * @param reason a sentence a guest or host can read
 */
public record Finding(String ruleId, String reason) {

    /** The pseudo rule of a check that could not read its facts. */
    public static final String FACTS_UNAVAILABLE = "facts-unavailable";

    public static Finding factsUnavailable() {
        return new Finding(FACTS_UNAVAILABLE, "We could not check the broadcasting rules right now; please try again.");
    }

    public static Finding unknownShowing(String detail) {
        return new Finding(FACTS_UNAVAILABLE, detail);
    }
}
