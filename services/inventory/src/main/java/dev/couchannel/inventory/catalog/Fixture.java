package dev.couchannel.inventory.catalog;

import java.time.Instant;
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
}
