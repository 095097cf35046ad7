package dev.couchannel.compliance.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule, or a new version of one, as an administrator proposes it: unchecked text, validated by
 * {@link #problems()} before it becomes a {@link Rule}.
 */
public record RuleDraft(
        @Nullable String id,
        @Nullable String kind,
        @Nullable String territory,
        @Nullable String competition,
        @Nullable String venueType,
        @Nullable String licence,
        Map<String, String> parameters,
        @Nullable String reason,
        boolean enabled) {

    public RuleDraft {
        parameters = Map.copyOf(parameters);
    }

    /** What the administrator has to fix, as {@code field -> message}; empty when the draft is a valid rule. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 80) {
            problems.put("id", "must be lower-case words joined by hyphens, such as uk-3pm-blackout (at most 80).");
        }
        RuleKind known = parse(RuleKind.class, kind);
        if (known == null) {
            problems.put("kind", "must be one of " + Arrays.toString(RuleKind.values()) + ".");
        } else {
            for (RuleParameters.Spec spec : known.parameters()) {
                String value = parameters.get(spec.name());
                if (value == null || !spec.type().accepts(value)) {
                    problems.put(
                            "parameters." + spec.name(),
                            "must be " + spec.type().expected() + ".");
                }
            }
            parameters.keySet().stream()
                    .filter(name -> known.parameters().stream()
                            .noneMatch(spec -> spec.name().equals(name)))
                    .forEach(name -> problems.put("parameters." + name, "is not a parameter of " + known + "."));
        }
        if (venueType != null && parse(VenueType.class, venueType) == null) {
            problems.put("scope.venueType", "must be HOME or COMMERCIAL, or left out for any.");
        }
        if (licence != null && parse(Licence.class, licence) == null) {
            problems.put("scope.licence", "must be RESIDENTIAL or COMMERCIAL, or left out for any.");
        }
        problems.putAll(scope().problems());
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.put(
                    "reason", "must be a sentence a guest can read (at most 500 characters); {rule} names the rule.");
        }
        return problems;
    }

    /**
     * @throws IllegalStateException when the draft has {@link #problems()}
     */
    public Rule toRule(int version) {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("an invalid rule draft: " + problems());
        }
        return new Rule(
                id,
                version,
                enabled,
                RuleKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                scope(),
                new RuleParameters(parameters),
                reason);
    }

    private RuleScope scope() {
        return new RuleScope(territory, competition, parse(VenueType.class, venueType), parse(Licence.class, licence));
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
