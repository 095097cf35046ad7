package dev.couchannel.inventory.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A scheduled sports event, broadcast in {@code territory} (ISO 3166 alpha-2). */
public record Fixture(
        UUID id,
        String competition,
        String homeTeam,
        String awayTeam,
        Instant kickoff,
        String territory,
        @Nullable String broadcaster) {

    public Fixture {
        Objects.requireNonNull(id);
        Objects.requireNonNull(competition);
        Objects.requireNonNull(homeTeam);
        Objects.requireNonNull(awayTeam);
        Objects.requireNonNull(kickoff);
        if (territory == null || !territory.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("territory must be an ISO 3166 alpha-2 code: " + territory);
        }
    }

    /**
     * The id a fixture gets from what identifies the match: competition, teams (case and outer
     * spaces ignored) and kickoff. Importing the same match twice yields the same id.
     */
    public static UUID identify(String competition, String homeTeam, String awayTeam, Instant kickoff) {
        String key = String.join("\n", normal(competition), normal(homeTeam), normal(awayTeam), kickoff.toString());
        return UUID.nameUUIDFromBytes(("couchannel-fixture\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
