package dev.couchannel.recommendation.taste;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published session as inventory announced it: its fixture's teams, its host and venue, its
 * kickoff. Cancelled sessions are kept (marked) so a late booking event still finds its teams.
 */
public record Session(
        String id,
        String venueId,
        String host,
        @Nullable String competition,
        @Nullable String homeTeam,
        @Nullable String awayTeam,
        Instant kickoff,
        int capacity,
        boolean cancelled) {

    public Session cancel() {
        return new Session(id, venueId, host, competition, homeTeam, awayTeam, kickoff, capacity, true);
    }

    /** The teams of the session's fixture, without blanks and without a team twice. */
    public List<String> teams() {
        return teams(homeTeam, awayTeam);
    }

    static List<String> teams(@Nullable String homeTeam, @Nullable String awayTeam) {
        List<String> teams = new ArrayList<>(2);
        if (homeTeam != null && !homeTeam.isBlank()) {
            teams.add(homeTeam);
        }
        if (awayTeam != null && !awayTeam.isBlank() && !awayTeam.equals(homeTeam)) {
            teams.add(awayTeam);
        }
        return teams;
    }

    /** Open for booking at {@code now}: not cancelled and not kicked off. */
    public boolean upcoming(Instant now) {
        return !cancelled && kickoff.isAfter(now);
    }
}
