package dev.couchannel.notification.facts;

/** The facts of a session, from inventory and hosting. */
public interface FactsSource {

    /**
     * @throws FactsUnavailable when they cannot be read now
     */
    SessionFacts session(String sessionId);
}
