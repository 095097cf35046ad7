package dev.couchannel.search.web;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import dev.couchannel.search.catalog.SessionQuery;
import dev.couchannel.search.catalog.SortOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the query parameters of {@code GET /api/search/sessions} into a {@link SessionQuery}, collecting every
 * parameter to fix (a 400 problem+json naming each) instead of stopping at the first.
 */
final class SearchRequestParser {

    static final int MAX_FILTER_LENGTH = 100;
    private static final Set<String> VENUE_TYPES = Set.of("HOME", "COMMERCIAL");
    private static final Set<String> LICENCES = Set.of("RESIDENTIAL", "COMMERCIAL");

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, String> raw;

    private SearchRequestParser(Map<String, String> raw) {
        this.raw = raw;
    }

    static SessionQuery parse(Map<String, String> parameters, Clock clock) {
        return new SearchRequestParser(parameters).read(clock);
    }

    private SessionQuery read(Clock clock) {
        String text = text("q", SessionQuery.MAX_TEXT);
        Double lat = decimal("lat", -90, 90);
        Double lon = decimal("lon", -180, 180);
        Double radius = decimal("radiusKm", 0.001, SessionQuery.MAX_RADIUS_KM);
        SessionQuery.Circle near = null;
        if (lat != null && lon != null) {
            near = new SessionQuery.Circle(lat, lon, radius == null ? SessionQuery.MAX_RADIUS_KM : radius);
        } else if (lat != null || lon != null || radius != null) {
            for (String name : List.of("lat", "lon")) {
                if (present(name) == null) {
                    problem(name, "give lat and lon together (and radiusKm for a distance filter)");
                }
            }
        }
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && to.isBefore(from)) {
            problem("to", "must not be before 'from'");
        }
        Integer minSeats = integer("minSeats", 1, 2_000);
        Double maxPriceValue = decimal("maxPrice", 0, 1_000_000);
        String venueType = oneOf("venueType", VENUE_TYPES);
        String licence = oneOf("licence", LICENCES);
        String competition = text("competition", MAX_FILTER_LENGTH);
        String city = text("city", MAX_FILTER_LENGTH);
        String provider = text("provider", MAX_FILTER_LENGTH);
        SortOrder sort = sort(near != null, text != null);
        Integer page = integer("page", 0, SessionQuery.MAX_WINDOW);
        Integer size = integer("size", 1, SessionQuery.MAX_SIZE);
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (page != null && (long) (pageNumber + 1) * pageSize > SessionQuery.MAX_WINDOW) {
            problem(
                    "page",
                    "results beyond the first " + SessionQuery.MAX_WINDOW
                            + " are not served; narrow the search instead of paging deeper");
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(List.copyOf(problems));
        }
        return new SessionQuery(
                text,
                near,
                competition,
                city,
                from == null ? clock.instant() : from,
                to,
                minSeats,
                maxPriceValue == null ? null : BigDecimal.valueOf(maxPriceValue),
                venueType,
                licence,
                provider,
                sort,
                pageNumber,
                pageSize);
    }

    private @Nullable String present(String name) {
        String value = raw.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private @Nullable String text(String name, int maxLength) {
        String value = present(name);
        if (value != null && value.length() > maxLength) {
            problem(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    private @Nullable Double decimal(String name, double min, double max) {
        String value = present(name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isNaN(number) || number < min || number > max) {
                problem(name, "must be a number from " + plain(min) + " to " + plain(max));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem(name, "must be a number from " + plain(min) + " to " + plain(max));
            return null;
        }
    }

    private @Nullable Integer integer(String name, int min, int max) {
        String value = present(name);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                problem(name, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return (int) number;
        } catch (NumberFormatException e) {
            problem(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
    }

    /** An ISO-8601 instant ({@code 2026-11-21T20:00:00Z}), date-time with offset, or date (midnight UTC). */
    private @Nullable Instant instant(String name) {
        String value = present(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problem(name, "must be an ISO-8601 date or date-time with offset, e.g. 2026-11-21 or 2026-11-21T20:00:00Z");
            return null;
        }
    }

    private @Nullable String oneOf(String name, Set<String> allowed) {
        String value = present(name);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            problem(name, "must be one of " + allowed.stream().sorted().toList());
            return null;
        }
        return upper;
    }

    private SortOrder sort(boolean hasPoint, boolean hasText) {
        String value = present("sort");
        if (value == null) {
            return hasText ? SortOrder.RELEVANCE : SortOrder.KICKOFF;
        }
        SortOrder sort;
        try {
            sort = SortOrder.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("sort", "must be one of [relevance, distance, kickoff, price, rating]");
            return SortOrder.KICKOFF;
        }
        if (sort == SortOrder.DISTANCE && !hasPoint) {
            problem("sort", "sort=distance needs lat and lon");
        }
        return sort;
    }

    private void problem(String name, String message) {
        problems.add(new FieldProblem(name, "'" + name + "' " + message + "."));
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
