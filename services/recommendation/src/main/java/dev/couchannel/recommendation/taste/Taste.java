package dev.couchannel.recommendation.taste;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a guest's live bookings say about them: how many bookings per session (to never recommend one
 * they booked), per team of the fixture, and per host. A cancelled booking is subtracted again.
 */
public record Taste(Map<String, Integer> sessions, Map<String, Integer> teams, Map<String, Integer> hosts) {

    public Taste {
        sessions = Map.copyOf(sessions);
        teams = Map.copyOf(teams);
        hosts = Map.copyOf(hosts);
    }

    public static Taste none() {
        return new Taste(Map.of(), Map.of(), Map.of());
    }

    public Taste add(BookedSession booked) {
        Map<String, Integer> nextTeams = teams;
        for (String team : booked.teams()) {
            nextTeams = Counts.plus(nextTeams, team);
        }
        return new Taste(
                Counts.plus(sessions, booked.sessionId()),
                nextTeams,
                booked.host() == null ? hosts : Counts.plus(hosts, booked.host()));
    }

    public Taste remove(BookedSession booked) {
        Map<String, Integer> nextTeams = teams;
        for (String team : booked.teams()) {
            nextTeams = Counts.minus(nextTeams, team);
        }
        return new Taste(
                Counts.minus(sessions, booked.sessionId()),
                nextTeams,
                booked.host() == null ? hosts : Counts.minus(hosts, booked.host()));
    }

    public boolean booked(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    public int team(@Nullable String team) {
        return team == null ? 0 : Objects.requireNonNullElse(teams.get(team), 0);
    }

    public int host(String host) {
        return Objects.requireNonNullElse(hosts.get(host), 0);
    }
}
