package dev.couchannel.compliance.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Which showings a rule applies to; a null part matches any.
 *
 * @param territory the country the showing takes place in (the venue's), ISO 3166 alpha-2
 * @param competition a case-insensitive regular expression found in the competition's name
 * @param venueType the venue's type
 * @param licence a licence the venue holds at least one package of
 */
public record RuleScope(
        @Nullable String territory,
        @Nullable String competition,
        @Nullable VenueType venueType,
        @Nullable Licence licence) {

    public static final RuleScope ANY = new RuleScope(null, null, null, null);

    public boolean covers(Facts facts) {
        return (territory == null || territory.equals(facts.territory()))
                && (competition == null
                        || Pattern.compile(competition, Pattern.CASE_INSENSITIVE)
                                .matcher(facts.competition())
                                .find())
                && (venueType == null || venueType == facts.venueType())
                && (licence == null || facts.holds(licence));
    }

    /** What is wrong with this scope, as {@code field -> message}; empty when nothing. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (territory != null && !territory.matches("[A-Z]{2}")) {
            problems.put("scope.territory", "must be an ISO 3166 alpha-2 code in upper case, such as GB.");
        }
        if (competition != null) {
            if (competition.isBlank()) {
                problems.put("scope.competition", "must not be blank; leave it out to match any competition.");
            } else {
                try {
                    Pattern.compile(competition, Pattern.CASE_INSENSITIVE);
                } catch (PatternSyntaxException e) {
                    problems.put("scope.competition", "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
        return problems;
    }
}
