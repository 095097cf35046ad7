package dev.couchannel.hosting.venue.application;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.hosting.venue.VenueEvent;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import org.springframework.stereotype.Component;

/** Publishes venue events through the outbox, as the hosting events contract, keyed by venue id. */
@Component
public class VenueEvents {

    static final String SOURCE = "hosting";

    private final Outbox outbox;

    VenueEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues the event in the current transaction: it is published exactly when the change commits. */
    public void publish(VenueEvent event) {
        var venue = VenueMessages.of(event.venueId(), event.hostId(), event.details(), event.version());
        Message message =
                switch (event) {
                    case VenueEvent.VenueRegistered e ->
                        VenueRegistered.newBuilder()
                                .setVenue(venue)
                                .setAt(WireTime.of(e.at()))
                                .build();
                    case VenueEvent.VenueChanged e ->
                        VenueChanged.newBuilder()
                                .setVenue(venue)
                                .setAt(WireTime.of(e.at()))
                                .build();
                };
        outbox.append(
                Topics.HOSTING_EVENTS,
                ProtobufEvents.wrap(SOURCE, event.venueId().toString(), message, event.at()));
    }
}
