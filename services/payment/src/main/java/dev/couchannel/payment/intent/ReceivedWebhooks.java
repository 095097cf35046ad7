package dev.couchannel.payment.intent;

import java.time.Instant;

/** The inbox of provider webhooks (port): each event is handled once per provider and event id. */
public interface ReceivedWebhooks {

    /**
     * Claims an event for handling in the caller's transaction.
     *
     * @return false when the event was handled before (or is being handled by a concurrent delivery)
     */
    boolean claim(String provider, ProviderEvent event, Instant receivedAt);

    /** Records what handling the claimed event did. */
    void settle(String provider, ProviderEvent event, String outcome);

    /** What handling the event did, if it was handled. */
    java.util.Optional<String> outcomeOf(String provider, String eventId);
}
