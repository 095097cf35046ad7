package dev.couchannel.search.opensearch;

import dev.couchannel.search.catalog.SessionHits;
import dev.couchannel.search.catalog.SessionQuery;
import dev.couchannel.search.catalog.SortOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Answers a {@link SessionQuery} from the read model's alias. */
public class SessionSearch {

    /** Facet name → indexed field. */
    static final Map<String, String> FACETS = Map.of(
            "competition", "competition",
            "venueType", "venue.type",
            "city", "venue.city",
            "licence", "venue.packages.licence",
            "provider", "venue.packages.provider");

    /** At most this many words of {@code q} count; the rest is ignored rather than making the query explode. */
    static final int MAX_WORDS = 8;

    private final OpenSearch openSearch;
    private final SessionIndex index;

    public SessionSearch(OpenSearch openSearch, SessionIndex index) {
        this.openSearch = openSearch;
        this.index = index;
    }

    /**
     * Only what a page shows comes back: the total, each hit's source and the facets' buckets. OpenSearch then writes
     * (and we read) a fraction of its default answer (no {@code _index}, {@code _id}, {@code _score}, sort values).
     */
    static final String RESPONSE_FIELDS =
            "hits.total,hits.hits._source,aggregations.*.buckets.key,aggregations.*.buckets.doc_count";

    public SessionHits search(SessionQuery query) {
        index.ensure();
        JsonNode result = openSearch.require("POST", path(index.alias()), body(query));
        List<SessionHits.Hit> items = new ArrayList<>();
        for (JsonNode hit : result.path("hits").path("hits")) {
            items.add(hit(hit.path("_source"), query));
        }
        Map<String, List<SessionHits.FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : FACETS.keySet().stream().sorted().toList()) {
            List<SessionHits.FacetValue> values = new ArrayList<>();
            for (JsonNode bucket : result.path("aggregations").path(facet).path("buckets")) {
                values.add(new SessionHits.FacetValue(
                        bucket.path("key").asString(), bucket.path("doc_count").asLong()));
            }
            facets.put(facet, values);
        }
        long total = result.path("hits").path("total").path("value").asLong();
        return new SessionHits(total, query.page(), query.size(), items, facets);
    }

    /** The path and parameters of a search; public so that the latency benchmark can send the very request raw. */
    public static String path(String alias) {
        return "/" + alias + "/_search?filter_path=" + RESPONSE_FIELDS;
    }

    /** The OpenSearch request body for {@code query}; public so that the latency benchmark can send it raw. */
    public static Map<String, Object> body(SessionQuery query) {
        List<Object> filters = new ArrayList<>();
        filters.add(term("kind", "session"));
        filters.add(term("status", "PUBLISHED"));
        Map<String, Object> kickoff = new LinkedHashMap<>();
        kickoff.put("gte", query.from().toString());
        if (query.to() != null) {
            kickoff.put("lte", query.to().toString());
        }
        filters.add(Map.of("range", Map.of("kickoff", kickoff)));
        if (query.competition() != null) {
            filters.add(caseInsensitive("competition", query.competition()));
        }
        if (query.city() != null) {
            filters.add(caseInsensitive("venue.city", query.city()));
        }
        if (query.minSeats() != null) {
            filters.add(Map.of("range", Map.of("seatsLeft", Map.of("gte", query.minSeats()))));
        }
        if (query.maxPrice() != null) {
            filters.add(Map.of("range", Map.of("price", Map.of("lte", query.maxPrice()))));
        }
        if (query.venueType() != null) {
            filters.add(term("venue.type", query.venueType()));
        }
        if (query.licence() != null) {
            filters.add(term("venue.packages.licence", query.licence()));
        }
        if (query.provider() != null) {
            filters.add(caseInsensitive("venue.packages.provider", query.provider()));
        }
        query.circle()
                .ifPresent(circle -> filters.add(Map.of(
                        "geo_distance",
                        Map.of(
                                "distance",
                                circle.radiusKm() + "km",
                                "venue.location",
                                Map.of("lat", circle.lat(), "lon", circle.lon())))));
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filters);
        if (query.text() != null) {
            bool.put("must", words(query.text()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", bool));
        body.put("from", query.page() * query.size());
        body.put("size", query.size());
        body.put("track_total_hits", true);
        // the versions of the field groups stay in the index
        body.put("_source", Map.of("excludes", List.of("*Seq")));
        body.put("sort", sort(query));
        Map<String, Object> aggregations = new LinkedHashMap<>();
        FACETS.forEach((name, field) -> aggregations.put(name, Map.of("terms", Map.of("field", field, "size", 20))));
        body.put("aggs", aggregations);
        return body;
    }

    /** Every word must match one of the fields, each with typos tolerated (AUTO: 1 edit from 3 letters, 2 from 6). */
    private static List<Object> words(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+"))
                .filter(word -> !word.isBlank())
                .limit(MAX_WORDS)
                .<Object>map(word -> Map.of(
                        "multi_match",
                        Map.of(
                                "query",
                                word,
                                "fields",
                                List.of(
                                        "homeTeam^3",
                                        "awayTeam^3",
                                        "competition.text^2",
                                        "venue.name",
                                        "venue.city.text^2"),
                                "fuzziness",
                                "AUTO",
                                "prefix_length",
                                1)))
                .toList();
    }

    private static List<Object> sort(SessionQuery query) {
        Map<String, Object> kickoff = Map.of("kickoff", Map.of("order", "asc"));
        Map<String, Object> id = Map.of("sessionId", Map.of("order", "asc"));
        return switch (query.sort()) {
            case RELEVANCE -> List.of("_score", kickoff, id);
            case KICKOFF -> List.of(kickoff, id);
            case PRICE -> List.of(Map.of("price", Map.of("order", "asc")), kickoff, id);
            case RATING ->
                List.of(
                        Map.of("rating.average", Map.of("order", "desc", "missing", "_last", "unmapped_type", "float")),
                        kickoff,
                        id);
            case DISTANCE -> {
                SessionQuery.Circle circle = query.circle().orElseThrow();
                yield List.of(
                        Map.of(
                                "_geo_distance",
                                Map.of(
                                        "venue.location",
                                        Map.of("lat", circle.lat(), "lon", circle.lon()),
                                        "order",
                                        "asc",
                                        "unit",
                                        "km")),
                        kickoff,
                        id);
            }
        };
    }

    private static Map<String, Object> term(String field, Object value) {
        return Map.of("term", Map.of(field, value));
    }

    private static Map<String, Object> caseInsensitive(String field, String value) {
        return Map.of("term", Map.of(field, Map.of("value", value, "case_insensitive", true)));
    }

    private static SessionHits.Hit hit(JsonNode source, SessionQuery query) {
        JsonNode venue = source.path("venue");
        SessionHits.Venue publicVenue = null;
        Double distance = null;
        if (venue.isObject()) {
            double lat = venue.path("location").path("lat").asDouble();
            double lon = venue.path("location").path("lon").asDouble();
            List<SessionHits.StreamingPackage> packages = new ArrayList<>();
            for (JsonNode p : venue.path("packages")) {
                packages.add(new SessionHits.StreamingPackage(
                        p.path("provider").asString(),
                        p.path("licence").asString(),
                        p.path("country").asString()));
            }
            publicVenue = new SessionHits.Venue(
                    venue.path("id").asString(),
                    venue.path("name").asString(),
                    venue.path("type").asString(),
                    venue.path("city").asString(),
                    venue.path("country").asString(),
                    lat,
                    lon,
                    venue.path("screens").asInt(),
                    venue.path("largestScreenInches").asInt(),
                    packages);
            if (query.near() != null) {
                distance =
                        Math.round(kilometres(query.near().lat(), query.near().lon(), lat, lon) * 100) / 100.0;
            }
        }
        JsonNode rating = source.path("rating");
        return new SessionHits.Hit(
                source.path("sessionId").asString(),
                source.path("fixtureId").asString(),
                source.path("competition").asString(),
                source.path("homeTeam").asString(),
                source.path("awayTeam").asString(),
                Instant.parse(source.path("kickoff").asString()),
                source.path("capacity").asInt(),
                source.path("seatsLeft").asInt(),
                SessionHits.Money.of(
                        new BigDecimal(source.path("priceAmount").asString("0")),
                        source.path("currency").asString()),
                source.path("refundPolicy").asString(),
                publicVenue,
                rating.isObject()
                        ? new SessionHits.Rating(
                                rating.path("average").asDouble(),
                                rating.path("count").asInt())
                        : null,
                distance);
    }

    /** Great-circle distance (haversine), as OpenSearch's arc distance. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6_371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    static SortOrder defaultSort(boolean hasText) {
        return hasText ? SortOrder.RELEVANCE : SortOrder.KICKOFF;
    }
}
