package dev.couchannel.inventory.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The fixtures calendar (port). */
public interface Fixtures {

    void add(Fixture fixture);

    boolean isEmpty();

    Optional<Fixture> find(UUID id);

    /** Fixtures ordered by kickoff; null filters mean any. */
    List<Fixture> find(@Nullable String competition, @Nullable Instant from, @Nullable Instant to, int limit);
}
