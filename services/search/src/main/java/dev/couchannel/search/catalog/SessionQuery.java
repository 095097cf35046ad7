package dev.couchannel.search.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A search for viewing sessions, already checked: every bound is within its limits.
 *
 * @param text free text over fixture, teams, competition, venue name and city, typos tolerated
 * @param near a circle the venue must lie in; also what {@link SortOrder#DISTANCE} measures from
 * @param from earliest kickoff (inclusive)
 * @param to latest kickoff (inclusive)
 */
public record SessionQuery(
        @Nullable String text,
        @Nullable Circle near,
        @Nullable String competition,
        @Nullable String city,
        Instant from,
        @Nullable Instant to,
        @Nullable Integer minSeats,
        @Nullable BigDecimal maxPrice,
        @Nullable String venueType,
        @Nullable String licence,
        @Nullable String provider,
        SortOrder sort,
        int page,
        int size) {

    /** Limits the API enforces (and documents). */
    public static final int MAX_TEXT = 200;

    public static final int MAX_SIZE = 100;
    /** OpenSearch's default max_result_window: deeper pages are refused rather than failing there. */
    public static final int MAX_WINDOW = 10_000;

    public static final double MAX_RADIUS_KM = 1_000;

    /** A point and a radius in kilometres, WGS 84. */
    public record Circle(double lat, double lon, double radiusKm) {}

    public Optional<Circle> circle() {
        return Optional.ofNullable(near);
    }
}
