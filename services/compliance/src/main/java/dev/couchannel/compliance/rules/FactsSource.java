package dev.couchannel.compliance.rules;

/** Where the facts of a showing come from (inventory and hosting). */
public interface FactsSource {

    /** The facts of session {@code sessionId} as a publication would have them (no booking). */
    Lookup session(String sessionId);

    /** The answer of a lookup. */
    sealed interface Lookup {

        record Found(Facts facts) implements Lookup {}

        /** The session, its fixture or its venue does not exist. */
        record NotFound(String detail) implements Lookup {}

        /** A source did not answer (after its retries). */
        record Unavailable(String detail) implements Lookup {}
    }
}
