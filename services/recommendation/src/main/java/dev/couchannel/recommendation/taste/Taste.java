package dev.couchannel.recommendation.taste;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
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
        return counted(booked, Counts::plus);
    }

    public Taste remove(BookedSession booked) {
        return counted(booked, Counts::minus);
    }

    /** This taste with the booking's session, teams and host counted by {@code count} (plus or minus one). */
    private Taste counted(BookedSession booked, BiFunction<Map<String, Integer>, String, Map<String, Integer>> count) {
        Map<String, Integer> nextTeams = teams;
        for (String team : booked.teams()) {
            nextTeams = count.apply(nextTeams, team);
        }
        return new Taste(
                count.apply(sessions, booked.sessionId()),
                nextTeams,
                booked.host() == null ? hosts : count.apply(hosts, booked.host()));
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
