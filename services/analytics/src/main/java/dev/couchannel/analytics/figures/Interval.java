package dev.couchannel.analytics.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** The width of one point of a dashboard's time series: a UTC day or an ISO week (from Monday). */
public enum Interval {
    DAY,
    WEEK;

    /** {@code day} or {@code week}, any case; empty for anything else. */
    public static Optional<Interval> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> Optional.of(DAY);
            case "week" -> Optional.of(WEEK);
            default -> Optional.empty();
        };
    }

    /** The first day of the point that holds {@code day}. */
    public LocalDate start(LocalDate day) {
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first day of the point after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
    }

    /** As the API writes it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
