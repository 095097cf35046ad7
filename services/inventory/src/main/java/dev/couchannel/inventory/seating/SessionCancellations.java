package dev.couchannel.inventory.seating;

import java.util.Optional;
import java.util.UUID;

/** The record of each cancelled session (port). */
public interface SessionCancellations {

    void add(SessionCancellation cancellation);

    Optional<SessionCancellation> find(UUID sessionId);
}
