package dev.couchannel.inventory.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checks both calendar formats share: one entry's fields become a {@link Fixture} or problems. */
final class CalendarEntry {

    static final int MAX_NAME = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CalendarEntry() {}

    /**
     * Adds a problem to {@code problems} for every field that is wrong; a null field was missing
     * (its problem is already recorded by the caller when it could say better).
     */
    static @Nullable Fixture fixture(
            @Nullable String competition,
            @Nullable String homeTeam,
            @Nullable String awayTeam,
            @Nullable Instant kickoff,
            @Nullable String territory,
            @Nullable String broadcaster,
            List<String> problems) {
        name("competition", competition, problems);
        name("homeTeam", homeTeam, problems);
        name("awayTeam", awayTeam, problems);
        if (homeTeam != null && awayTeam != null && homeTeam.strip().equalsIgnoreCase(awayTeam.strip())) {
            problems.add("homeTeam and awayTeam are the same team ('" + homeTeam.strip() + "')");
        }
        if (territory != null && !COUNTRIES.contains(territory.strip())) {
            problems.add("territory must be an ISO 3166 alpha-2 country code in capitals like GB or PL, not '"
                    + territory + "'");
        }
        if (broadcaster != null && broadcaster.strip().length() > MAX_NAME) {
            problems.add("broadcaster must be at most " + MAX_NAME + " characters");
        }
        if (!problems.isEmpty()
                || competition == null
                || homeTeam == null
                || awayTeam == null
                || kickoff == null
                || territory == null) {
            return null;
        }
        String by = broadcaster == null || broadcaster.isBlank() ? null : broadcaster.strip();
        return new Fixture(
                Fixture.identify(competition, homeTeam, awayTeam, kickoff),
                competition.strip(),
                homeTeam.strip(),
                awayTeam.strip(),
                kickoff,
                territory.strip(),
                by);
    }

    private static void name(String field, @Nullable String value, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            problems.add(field + " is empty");
        } else if (value.strip().length() > MAX_NAME) {
            problems.add(field + " must be at most " + MAX_NAME + " characters");
        }
    }
}
