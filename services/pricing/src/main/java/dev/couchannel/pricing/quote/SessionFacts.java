package dev.couchannel.pricing.quote;

import java.util.UUID;

/** Port to the facts of a session that live in other services (inventory, hosting). */
public interface SessionFacts {

    /** Looks the session up now; never throws for a missing session or an unreachable service. */
    Lookup lookup(UUID sessionId);

    /** The answer of a {@link #lookup}. */
    sealed interface Lookup {

        record Found(PricedSession session) implements Lookup {}

        record NotFound(UUID sessionId) implements Lookup {}

        /** A service did not answer (in time); trying again later may work. */
        record Unavailable(String why) implements Lookup {}
    }
}
