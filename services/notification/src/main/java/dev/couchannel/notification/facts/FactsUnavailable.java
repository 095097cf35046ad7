package dev.couchannel.notification.facts;

/** Inventory or hosting could not answer (down, slow, or the session is gone): try again later. */
public class FactsUnavailable extends RuntimeException {

    public FactsUnavailable(String message) {
        super(message);
    }
}
