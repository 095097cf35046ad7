package dev.couchannel.recommendation.taste;

import org.jspecify.annotations.Nullable;

/**
 * An upcoming session with what else is known of it: the seats left (null until inventory reported
 * them), its venue's location (null until hosting announced it) and its popularity.
 */
public record Candidate(
        Session session,
        @Nullable Integer seatsLeft,
        @Nullable Location location,
        Popularity popularity) {}
