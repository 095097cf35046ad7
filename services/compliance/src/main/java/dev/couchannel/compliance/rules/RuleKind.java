package dev.couchannel.compliance.rules;

import static dev.couchannel.compliance.rules.RuleParameters.Type.DAY;
import static dev.couchannel.compliance.rules.RuleParameters.Type.FLAG;
import static dev.couchannel.compliance.rules.RuleParameters.Type.TIME;
import static dev.couchannel.compliance.rules.RuleParameters.Type.WHOLE_NUMBER;
import static dev.couchannel.compliance.rules.RuleParameters.Type.ZONE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evaluators the engine knows. A rule (data) picks one, gives its parameters and scope; a new
 * kind of check is code, a new rule or a changed threshold is data.
 *
 * <p>Each evaluator returns the values its reason template may name when the showing breaks the
 * rule, or nothing when it keeps it.
 */
public enum RuleKind {

    /** Residential subscriptions are for personal use: a paid home seat must pay for the place, not the broadcast. */
    RESIDENTIAL_PERSONAL_USE(new RuleParameters.Spec("paidSeatsCoverHospitality", FLAG)) {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            return facts.charges() && !parameters.flag("paidSeatsCoverHospitality")
                    ? Optional.of(Map.of())
                    : Optional.empty();
        }
    },

    /** A residential package streams only in its account's country. */
    PACKAGE_COUNTRY_MATCHES_VENUE() {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            List<StreamingPackage> residential = facts.packages().stream()
                    .filter(p -> p.licence() == Licence.RESIDENTIAL)
                    .toList();
            if (residential.isEmpty()
                    || residential.stream().anyMatch(p -> p.country().equals(facts.territory()))) {
                return Optional.empty();
            }
            return Optional.of(Map.of(
                    "packageCountries",
                    residential.stream()
                            .map(StreamingPackage::country)
                            .distinct()
                            .collect(Collectors.joining(", ")),
                    "venueCountry",
                    facts.territory()));
        }
    },

    /** Commercial premises need a commercial package. */
    COMMERCIAL_NEEDS_COMMERCIAL() {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            return facts.holds(Licence.COMMERCIAL) ? Optional.empty() : Optional.of(Map.of());
        }
    },

    /** Live only: no showing once the match is over. */
    LIVE_ONLY(new RuleParameters.Spec("matchMinutes", WHOLE_NUMBER)) {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            Instant end = facts.kickoff().plus(Duration.ofMinutes(parameters.wholeNumber("matchMinutes")));
            return now.isAfter(end)
                    ? Optional.of(Map.of("fixtureEnd", DateTimeFormatter.ISO_INSTANT.format(end)))
                    : Optional.empty();
        }
    },

    /** No live showing of a kickoff on that day between {@code from} (inclusive) and {@code to} (exclusive), local time. */
    BLACKOUT_WINDOW(
            new RuleParameters.Spec("day", DAY),
            new RuleParameters.Spec("from", TIME),
            new RuleParameters.Spec("to", TIME),
            new RuleParameters.Spec("zone", ZONE)) {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            ZonedDateTime kickoff = facts.kickoff().atZone(parameters.zone("zone"));
            LocalTime at = kickoff.toLocalTime();
            boolean inWindow = kickoff.getDayOfWeek() == parameters.day("day")
                    && !at.isBefore(parameters.time("from"))
                    && at.isBefore(parameters.time("to"));
            return inWindow
                    ? Optional.of(Map.of(
                            "from", parameters.time("from").toString(),
                            "to", parameters.time("to").toString(),
                            "day", display(parameters.day("day").name()),
                            "kickoffLocal", at.toString()))
                    : Optional.empty();
        }
    },

    /** Above this many attendees a public-viewing licence is needed (which couchannel hosts do not hold). */
    ATTENDEE_THRESHOLD(new RuleParameters.Spec("maxAttendees", WHOLE_NUMBER)) {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            int max = parameters.wholeNumber("maxAttendees");
            return facts.attendees() > max
                    ? Optional.of(Map.of(
                            "maxAttendees", Integer.toString(max),
                            "attendees", Integer.toString(facts.attendees()),
                            "competition", facts.competition()))
                    : Optional.empty();
        }
    },

    /**
     * 17 U.S.C. §110(5): a food or drink venue needs a public-performance licence (here: a
     * commercial package) when its equipment exceeds the exemption, or when it charges a cover.
     */
    US_110_5(
            new RuleParameters.Spec("maxScreens", WHOLE_NUMBER),
            new RuleParameters.Spec("maxScreenInches", WHOLE_NUMBER),
            new RuleParameters.Spec("maxSpeakers", WHOLE_NUMBER),
            new RuleParameters.Spec("coverChargeCounts", FLAG)) {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            List<String> beyond = new ArrayList<>();
            if (facts.screens() > parameters.wholeNumber("maxScreens")) {
                beyond.add(facts.screens() + " screens");
            }
            if (facts.largestScreenInches() > parameters.wholeNumber("maxScreenInches")) {
                beyond.add("a " + facts.largestScreenInches() + "\" screen");
            }
            if (facts.speakers() > parameters.wholeNumber("maxSpeakers")) {
                beyond.add(facts.speakers() + " speakers");
            }
            if (facts.charges() && parameters.flag("coverChargeCounts")) {
                beyond.add("a cover charge");
            }
            return beyond.isEmpty() || facts.holds(Licence.COMMERCIAL)
                    ? Optional.empty()
                    : Optional.of(Map.of("equipment", String.join(", ", beyond)));
        }
    },

    /** No admission fee at all, not even to cover snacks. */
    NO_ADMISSION_FEE() {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            return facts.charges() ? Optional.of(Map.of()) : Optional.empty();
        }
    },

    /** Attendee cap: no more people than min(venue capacity, the limit of the venue's best licence). */
    ATTENDEE_CAP(
            new RuleParameters.Spec("residentialLimit", WHOLE_NUMBER),
            new RuleParameters.Spec("commercialLimit", WHOLE_NUMBER)) {
        @Override
        Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now) {
            boolean commercial = facts.holds(Licence.COMMERCIAL);
            int licenceLimit = parameters.wholeNumber(commercial ? "commercialLimit" : "residentialLimit");
            int cap = Math.min(facts.venueCapacity(), licenceLimit);
            if (facts.attendees() <= cap) {
                return Optional.empty();
            }
            String limitedBy = facts.venueCapacity() <= licenceLimit
                    ? "the venue's capacity"
                    : "the limit of a " + (commercial ? "commercial" : "residential") + " licence";
            return Optional.of(Map.of(
                    "attendees", Integer.toString(facts.attendees()),
                    "cap", Integer.toString(cap),
                    "limitedBy", limitedBy));
        }
    };

    private final List<RuleParameters.Spec> parameters;

    RuleKind(RuleParameters.Spec... parameters) {
        this.parameters = List.of(parameters);
    }

    /** The parameters a rule of this kind must give. */
    public List<RuleParameters.Spec> parameters() {
        return parameters;
    }

    abstract Optional<Map<String, String>> violation(RuleParameters parameters, Facts facts, Instant now);

    private static String display(String upperCase) {
        return upperCase.charAt(0) + upperCase.substring(1).toLowerCase(Locale.ROOT);
    }
}
