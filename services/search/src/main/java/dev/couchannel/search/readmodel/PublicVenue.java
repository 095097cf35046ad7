package dev.couchannel.search.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What search may know of a venue, the same as hosting's public venue view: never the host's e-mail address nor the
 * street address, and for a home a position blurred to two decimals (about a kilometre). The index never holds more,
 * so no query, facet or sort can leak it.
 */
public final class PublicVenue {

    private PublicVenue() {}

    /** A streaming package the venue holds. */
    public record Package(String provider, String licence, String country) {}

    /** The {@code venue} object of a search document. */
    public static Map<String, Object> fields(
            String id,
            String name,
            String type,
            String city,
            String country,
            double lat,
            double lon,
            int capacity,
            int screens,
            int largestScreenInches,
            List<Package> packages) {
        boolean home = "HOME".equals(type);
        Map<String, Object> venue = new LinkedHashMap<>();
        venue.put("id", id);
        venue.put("name", name);
        venue.put("type", type);
        venue.put("city", city);
        venue.put("country", country);
        venue.put("location", Map.of("lat", home ? blurred(lat) : lat, "lon", home ? blurred(lon) : lon));
        venue.put("capacity", capacity);
        venue.put("screens", screens);
        venue.put("largestScreenInches", largestScreenInches);
        venue.put(
                "packages",
                packages.stream()
                        .map(p -> Map.of("provider", p.provider(), "licence", p.licence(), "country", p.country()))
                        .toList());
        return venue;
    }

    /** Two decimals, as hosting's public venue view rounds them. */
    static double blurred(double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }
}
