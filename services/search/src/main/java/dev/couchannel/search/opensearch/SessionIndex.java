package dev.couchannel.search.opensearch;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * The index generations behind the read model's alias: searches and the live projection go through the alias
 * ({@code couchannel.search.index}, {@code sessions} by default); a rebuild fills a new generation and swaps the alias
 * over in one atomic {@code _aliases} call.
 *
 * <p>One index holds two kinds of documents: sessions (what is searched) and venues (facts kept for sessions whose
 * venue event came first or that are published later), so that a rebuild replaces both at once.
 */
public class SessionIndex {

    private static final DateTimeFormatter GENERATION =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final OpenSearch openSearch;
    private final String alias;
    private final String refreshInterval;
    private final Clock clock;
    private volatile boolean ensured;

    public SessionIndex(OpenSearch openSearch, String alias, String refreshInterval, Clock clock) {
        this.openSearch = openSearch;
        this.alias = alias;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    public String alias() {
        return alias;
    }

    /** Creates a first generation behind the alias when there is none (a fresh cluster). */
    public synchronized void ensure() {
        if (ensured) {
            return;
        }
        if (openSearch.send("HEAD", "/_alias/" + alias, null).status() == 404) {
            String first = createGeneration();
            JsonNode added = openSearch
                    .send(
                            "POST",
                            "/_aliases",
                            Map.of("actions", List.of(Map.of("add", Map.of("index", first, "alias", alias)))))
                    .body();
            if (!added.path("acknowledged").asBoolean(false)) {
                throw new OpenSearchUnavailable("could not point " + alias + " at " + first + ": " + added, null);
            }
        }
        ensured = true;
    }

    /** The generation the alias points at now. */
    public String current() {
        ensure();
        JsonNode aliases = openSearch.require("GET", "/_alias/" + alias, null);
        List<String> indices = new ArrayList<>();
        aliases.propertyStream().forEach(entry -> indices.add(entry.getKey()));
        if (indices.size() != 1) {
            throw new OpenSearchUnavailable(alias + " points at " + indices + ", expected one index", null);
        }
        return indices.getFirst();
    }

    /** Creates an empty generation with the read model's mapping and returns its name. */
    public String createGeneration() {
        String name = alias + "-" + GENERATION.format(clock.instant()) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        openSearch.require("PUT", "/" + name, definition());
        return name;
    }

    /** Points the alias from {@code from} to {@code to} in one atomic step. */
    public void swap(String from, String to) {
        openSearch.require(
                "POST",
                "/_aliases",
                Map.of(
                        "actions",
                        List.of(
                                Map.of("remove", Map.of("index", from, "alias", alias)),
                                Map.of("add", Map.of("index", to, "alias", alias)))));
    }

    public void delete(String index) {
        openSearch.send("DELETE", "/" + index, null);
    }

    public void refresh(String index) {
        openSearch.require("POST", "/" + index + "/_refresh", null);
    }

    private Map<String, Object> definition() {
        Map<String, Object> keyword = Map.of("type", "keyword");
        Map<String, Object> folded = Map.of("type", "text", "analyzer", "folded");
        Map<String, Object> version = Map.of("type", "long");
        return Map.of(
                "settings",
                Map.of(
                        "number_of_shards",
                        1,
                        "number_of_replicas",
                        0,
                        "refresh_interval",
                        refreshInterval,
                        "analysis",
                        Map.of(
                                "analyzer",
                                Map.of(
                                        "folded",
                                        Map.of(
                                                "type",
                                                "custom",
                                                "tokenizer",
                                                "standard",
                                                "filter",
                                                List.of("lowercase", "asciifolding"))))),
                "mappings",
                Map.of(
                        // fields nobody searches (priceAmount, the *Seq versions of unknown groups) stay in _source
                        "dynamic",
                        false,
                        "properties",
                        Map.ofEntries(
                                Map.entry("kind", keyword),
                                Map.entry("sessionId", keyword),
                                Map.entry("venueId", keyword),
                                Map.entry("fixtureId", keyword),
                                Map.entry("status", keyword),
                                Map.entry("competition", Map.of("type", "keyword", "fields", Map.of("text", folded))),
                                Map.entry("homeTeam", folded),
                                Map.entry("awayTeam", folded),
                                Map.entry("territory", keyword),
                                Map.entry("kickoff", Map.of("type", "date")),
                                Map.entry("capacity", Map.of("type", "integer")),
                                Map.entry("seatsLeft", Map.of("type", "integer")),
                                Map.entry("price", Map.of("type", "double")),
                                Map.entry("currency", keyword),
                                Map.entry("refundPolicy", keyword),
                                Map.entry("factsSeq", version),
                                Map.entry("statusSeq", version),
                                Map.entry("seatsSeq", version),
                                Map.entry("venueSeq", version),
                                Map.entry("ratingSeq", version),
                                Map.entry(
                                        "venue",
                                        Map.of(
                                                "properties",
                                                Map.of(
                                                        "id",
                                                        keyword,
                                                        "name",
                                                        folded,
                                                        "type",
                                                        keyword,
                                                        "city",
                                                        Map.of("type", "keyword", "fields", Map.of("text", folded)),
                                                        "country",
                                                        keyword,
                                                        "location",
                                                        Map.of("type", "geo_point"),
                                                        "packages",
                                                        Map.of(
                                                                "properties",
                                                                Map.of(
                                                                        "provider",
                                                                        keyword,
                                                                        "licence",
                                                                        keyword,
                                                                        "country",
                                                                        keyword))))),
                                Map.entry(
                                        "rating",
                                        Map.of(
                                                "properties",
                                                Map.of(
                                                        "average",
                                                        Map.of("type", "float"),
                                                        "count",
                                                        Map.of("type", "integer")))))));
    }
}
