package dev.couchannel.inventory.seating;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The viewing sessions (port). */
public interface Sessions {

    Optional<ViewingSession> find(UUID id);

    /** Loads a session for a seat move; no other seat move of that session runs until the transaction ends. */
    Optional<ViewingSession> lock(UUID id);

    void add(ViewingSession session);

    void save(ViewingSession session);

    List<ViewingSession> list(Query query);

    long count(Query query);

    /** A host's sessions in any status, the latest kickoff first, at most {@code limit}. */
    List<ViewingSession> ofHost(String hostId, int limit);

    /** The ids of every session showing a fixture, in any status. */
    List<UUID> idsOfFixture(UUID fixtureId);

    /**
     * Filters of the plain session listing; null means any. DRAFT sessions are listed only to their
     * host: {@code viewer} is the caller (null for anonymous), and only the viewer's drafts match.
     */
    record Query(
            @Nullable UUID fixtureId,
            @Nullable UUID venueId,
            @Nullable SessionStatus status,
            int page,
            int size,
            @Nullable String viewer) {

        /** A query of an anonymous caller: no drafts. */
        public Query(
                @Nullable UUID fixtureId, @Nullable UUID venueId, @Nullable SessionStatus status, int page, int size) {
            this(fixtureId, venueId, status, page, size, null);
        }
    }
}
