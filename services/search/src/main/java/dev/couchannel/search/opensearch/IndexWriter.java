package dev.couchannel.search.opensearch;

import dev.couchannel.search.readmodel.FieldGroup;
import dev.couchannel.search.readmodel.ReadModelUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Applies read-model updates to index generations, in their order, with one {@code _bulk} per run of session
 * updates.
 *
 * <p>Every write runs the same Painless script: per {@link FieldGroup} it sets the fields only when the group's
 * version is newer than the stored {@code <group>Seq}, else it is a no-op. So redelivered and replayed events change
 * nothing and a late, older fact never overwrites a newer one. A venue's facts (and rating) live in a venue document
 * and are copied into each of its sessions: when the session is published (from the venue document, read in real
 * time) and when the venue changes (an update-by-query over its sessions), whichever comes first.
 *
 * <p>Calls are serialised: the live projection and a rebuild may write to the same generation, and the copy of venue
 * facts into sessions must not interleave with a session's first write.
 */
public class IndexWriter {

    static final String SCRIPT = """
            boolean changed = false;
            for (def g : params.groups) {
              String key = g.name + 'Seq';
              def current = ctx._source[key];
              if (current == null || current < g.seq) {
                ctx._source[key] = g.seq;
                for (def f : g.fields.entrySet()) { ctx._source[f.getKey()] = f.getValue(); }
                changed = true;
              }
            }
            if (ctx._source.kind == null) { ctx._source.kind = params.kind; }
            if (!changed) { ctx.op = 'noop'; }
            """;

    private static final int MAX_CONFLICT_ROUNDS = 5;

    private final OpenSearch openSearch;

    public IndexWriter(OpenSearch openSearch) {
        this.openSearch = openSearch;
    }

    /** Applies {@code updates} in order to every index in {@code targets} (a generation or the alias). */
    public synchronized void apply(List<ReadModelUpdate> updates, List<String> targets) {
        for (String target : targets) {
            List<ReadModelUpdate.SessionChanged> pending = new ArrayList<>();
            for (ReadModelUpdate update : updates) {
                switch (update) {
                    case ReadModelUpdate.SessionChanged session -> pending.add(session);
                    case ReadModelUpdate.VenueChanged venue -> {
                        flush(pending, target);
                        pending.clear();
                        applyVenue(venue, target);
                    }
                }
            }
            flush(pending, target);
        }
    }

    private void flush(List<ReadModelUpdate.SessionChanged> sessions, String target) {
        if (sessions.isEmpty()) {
            return;
        }
        List<ReadModelUpdate.SessionChanged> merged = coalesced(sessions);
        Map<String, JsonNode> venues = venues(merged, target);
        StringBuilder bulk = new StringBuilder();
        for (ReadModelUpdate.SessionChanged session : merged) {
            List<FieldGroup> groups = new ArrayList<>(session.groups());
            JsonNode venue = session.joinVenue() == null ? null : venues.get(session.joinVenue());
            if (venue != null) {
                groups.addAll(copied(venue));
            }
            bulk.append(openSearch.toJson(Map.of("update", Map.of("_id", session.sessionId(), "retry_on_conflict", 5))))
                    .append('\n')
                    .append(openSearch.toJson(
                            Map.of("scripted_upsert", true, "upsert", Map.of(), "script", script("session", groups))))
                    .append('\n');
        }
        JsonNode result = openSearch.require("POST", "/" + target + "/_bulk", bulk.toString());
        if (result.path("errors").asBoolean(false)) {
            for (JsonNode item : result.path("items")) {
                JsonNode error = item.path("update").path("error");
                if (!error.isMissingNode()) {
                    throw new OpenSearchUnavailable("bulk update of " + target + " failed: " + error, null);
                }
            }
        }
    }

    /**
     * One update per session: the later of two groups of the same name wins (they come in offset order). A bulk that
     * updated the same document twice would make OpenSearch refresh the shard for the second (an update reads the
     * document in real time), which under seat traffic — many changes of few sessions — costs more than all the rest.
     */
    static List<ReadModelUpdate.SessionChanged> coalesced(List<ReadModelUpdate.SessionChanged> sessions) {
        Map<String, ReadModelUpdate.SessionChanged> bySession = new LinkedHashMap<>();
        for (ReadModelUpdate.SessionChanged next : sessions) {
            bySession.merge(next.sessionId(), next, (earlier, later) -> {
                Map<String, FieldGroup> groups = new LinkedHashMap<>();
                for (FieldGroup group : earlier.groups()) {
                    groups.put(group.name(), group);
                }
                for (FieldGroup group : later.groups()) {
                    groups.merge(group.name(), group, (a, b) -> b.seq() >= a.seq() ? b : a);
                }
                return new ReadModelUpdate.SessionChanged(
                        later.sessionId(),
                        List.copyOf(groups.values()),
                        later.joinVenue() != null ? later.joinVenue() : earlier.joinVenue(),
                        later.eventTime().isAfter(earlier.eventTime()) ? later.eventTime() : earlier.eventTime());
            });
        }
        return List.copyOf(bySession.values());
    }

    /** The venue documents the sessions join, read in real time (no refresh needed). */
    private Map<String, JsonNode> venues(List<ReadModelUpdate.SessionChanged> sessions, String target) {
        List<String> ids = sessions.stream()
                .map(ReadModelUpdate.SessionChanged::joinVenue)
                .filter(id -> id != null)
                .distinct()
                .map(IndexWriter::venueDocument)
                .toList();
        Map<String, JsonNode> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        JsonNode docs = openSearch.require("POST", "/" + target + "/_mget", Map.of("ids", ids));
        for (JsonNode doc : docs.path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                found.put(doc.path("_id").asString().substring("venue:".length()), doc.path("_source"));
            }
        }
        return found;
    }

    /** The venue and rating groups of a venue document, with the versions it holds. */
    private static List<FieldGroup> copied(JsonNode venue) {
        List<FieldGroup> groups = new ArrayList<>();
        for (String name : List.of(FieldGroup.VENUE, FieldGroup.RATING)) {
            JsonNode seq = venue.path(name + "Seq");
            if (!seq.isMissingNode() && !seq.isNull()) {
                groups.add(new FieldGroup(name, seq.asLong(), Map.of(name, venue.path(name))));
            }
        }
        return groups;
    }

    private void applyVenue(ReadModelUpdate.VenueChanged venue, String target) {
        Map<String, Object> script = script("venue", List.of(venue.group()));
        openSearch.require(
                "POST",
                "/" + target + "/_update/" + venueDocument(venue.venueId()) + "?retry_on_conflict=5",
                Map.of("scripted_upsert", true, "upsert", Map.of(), "script", script));
        // sessions written since the last refresh must be visible to the query below
        openSearch.require("POST", "/" + target + "/_refresh", null);
        Map<String, Object> sessionScript = script("session", List.of(venue.group()));
        Map<String, Object> query = Map.of(
                "bool",
                Map.of(
                        "filter",
                        List.of(
                                Map.of("term", Map.of("kind", "session")),
                                Map.of("term", Map.of("venueId", venue.venueId())))));
        for (int round = 1; ; round++) {
            JsonNode result = openSearch.require(
                    "POST",
                    "/" + target + "/_update_by_query?conflicts=proceed&refresh=false",
                    Map.of("query", query, "script", sessionScript));
            if (result.path("version_conflicts").asLong(0) == 0) {
                return;
            }
            if (round == MAX_CONFLICT_ROUNDS) {
                throw new OpenSearchUnavailable(
                        "sessions of venue " + venue.venueId() + " kept changing under the update; will retry", null);
            }
            openSearch.require("POST", "/" + target + "/_refresh", null);
        }
    }

    static String venueDocument(String venueId) {
        return "venue:" + venueId;
    }

    private static Map<String, Object> script(String kind, List<FieldGroup> groups) {
        return Map.of(
                "lang",
                "painless",
                "source",
                SCRIPT,
                "params",
                Map.of(
                        "kind",
                        kind,
                        "groups",
                        groups.stream()
                                .map(g -> Map.of("name", g.name(), "seq", g.seq(), "fields", g.fields()))
                                .toList()));
    }
}
