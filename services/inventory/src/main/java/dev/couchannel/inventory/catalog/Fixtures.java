package dev.couchannel.inventory.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The fixtures calendar (port). */
public interface Fixtures {

    void add(Fixture fixture);

    /** @return false when a fixture with its id exists already (it is left as it is) */
    boolean addIfAbsent(Fixture fixture);

    boolean isEmpty();

    Optional<Fixture> find(UUID id);

    /**
     * Records that a fixture was postponed (its sessions are cancelled and no new one may be planned).
     *
     * @return false when it was recorded before
     */
    boolean postpone(UUID fixtureId, String reason, String by, Instant at);

    boolean isPostponed(UUID fixtureId);

    /** Fixtures ordered by kickoff; null filters mean any. */
    List<Fixture> find(@Nullable String competition, @Nullable Instant from, @Nullable Instant to, int limit);
}
