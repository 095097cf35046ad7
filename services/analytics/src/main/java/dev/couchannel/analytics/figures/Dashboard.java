package dev.couchannel.analytics.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One dashboard: the figures of the whole period, one point per day or week, and the occupancy of
 * each session whose kickoff falls in the period.
 *
 * @param scope {@code admin}, or the host's user id
 */
public record Dashboard(
        String scope,
        LocalDate from,
        LocalDate to,
        String interval,
        Figures totals,
        List<Point> series,
        List<SessionOccupancy> sessions) {

    /** The figures of the point that starts on {@code start}. */
    public record Point(LocalDate start, Figures figures) {}

    public record SessionOccupancy(
            UUID sessionId,
            @Nullable UUID venueId,
            Instant kickoff,
            int capacity,
            int sold,
            @Nullable BigDecimal occupancy,
            boolean cancelled) {}
}
