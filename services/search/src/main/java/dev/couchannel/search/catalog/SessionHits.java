package dev.couchannel.search.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One page of search results, with the facets of all matches. */
public record SessionHits(long total, int page, int size, List<Hit> items, Map<String, List<FacetValue>> facets) {

    /** A session as search shows it: public facts only. */
    public record Hit(
            String sessionId,
            String fixtureId,
            String competition,
            String homeTeam,
            String awayTeam,
            Instant kickoff,
            int capacity,
            int seatsLeft,
            Money pricePerSeat,
            String refundPolicy,
            @Nullable Venue venue,
            @Nullable Rating rating,
            @Nullable Double distanceKm) {}

    /** Money as the API writes it everywhere. */
    public record Money(String amount, String currency) {
        public static Money of(BigDecimal amount, String currency) {
            return new Money(amount.toPlainString(), currency);
        }
    }

    /** The public facts of the venue (a home's position blurred, no street address, no host). */
    public record Venue(
            String id,
            String name,
            String type,
            String city,
            String country,
            double lat,
            double lon,
            int screens,
            int largestScreenInches,
            List<StreamingPackage> packages) {}

    public record StreamingPackage(String provider, String licence, String country) {}

    public record Rating(double average, int count) {}

    /** How many matches have this value. */
    public record FacetValue(String value, long count) {}
}
