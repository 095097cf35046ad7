package dev.couchannel.analytics.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The days a dashboard covers, {@code from} to {@code to} inclusive (UTC), cut into points of one
 * {@link Interval}.
 */
public record Period(LocalDate from, LocalDate to, Interval interval) {

    /** The longest period a dashboard answers: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    /** Without {@code from}: the 30 days up to {@code to}. */
    public static final int DEFAULT_DAYS = 30;

    public Period {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("not a period: " + from + " to " + to);
        }
    }

    /** A parameter the caller has to fix, and how. */
    public record Problem(String parameter, String message) {}

    /** What the query parameters say: a period, or what is wrong with them. */
    public sealed interface Parsed {
        record Valid(Period period) implements Parsed {}

        record Invalid(List<Problem> problems) implements Parsed {}
    }

    /**
     * Reads the dashboard's query parameters; each may be missing (null or blank).
     *
     * @param today the default {@code to}, from the injected clock
     */
    public static Parsed parse(@Nullable String from, @Nullable String to, @Nullable String interval, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Optional<LocalDate> last = date("to", to, problems);
        Optional<LocalDate> first = date("from", from, problems);
        Interval width = Interval.DAY;
        if (interval != null && !interval.isBlank()) {
            Optional<Interval> parsed = Interval.parse(interval);
            if (parsed.isEmpty()) {
                problems.add(new Problem("interval", "interval must be 'day' or 'week', not '" + interval + "'."));
            } else {
                width = parsed.get();
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed.Invalid(problems);
        }
        LocalDate end = last.orElse(today);
        LocalDate start = first.orElse(end.minusDays(DEFAULT_DAYS - 1));
        if (end.isBefore(start)) {
            return new Parsed.Invalid(
                    List.of(new Problem("from", "from (" + start + ") must not be after to (" + end + ").")));
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            return new Parsed.Invalid(List.of(new Problem(
                    "to", "to must be at most " + MAX_DAYS + " days after from; ask for a year or less at a time.")));
        }
        return new Parsed.Valid(new Period(start, end, width));
    }

    private static Optional<LocalDate> date(String name, @Nullable String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(
                    name, name + " must be a date such as 2026-11-21 (ISO 8601, UTC), not '" + text + "'."));
            return Optional.empty();
        }
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first day of every point, in order, with no gaps. */
    public List<LocalDate> points() {
        List<LocalDate> points = new ArrayList<>();
        for (LocalDate start = interval.start(from); !start.isAfter(to); start = interval.next(start)) {
            points.add(start);
        }
        return points;
    }
}
