package dev.couchannel.booking.reservation.messaging;

import dev.couchannel.booking.reservation.CancelledBy;
import dev.couchannel.booking.reservation.CancelledSessions.SessionCancellation;
import dev.couchannel.booking.reservation.application.CancelSessionBookings;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows inventory's session events, once each (inbox); booking acts on cancelled sessions only. */
@Component
class SessionEventListener {

    static final String CONSUMER = "booking.session-events";

    private final Inbox inbox;
    private final CancelSessionBookings cancelSessionBookings;

    SessionEventListener(Inbox inbox, CancelSessionBookings cancelSessionBookings) {
        this.inbox = inbox;
        this.cancelSessionBookings = cancelSessionBookings;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.INVENTORY_EVENTS, groupId = "booking")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::dispatch);
    }

    private void dispatch(CloudEvent event) {
        if (event.type().equals("couchannel.inventory.v1.SessionCancelled")) {
            cancelSessionBookings.on(toCancellation(ProtobufEvents.unwrap(event, SessionCancelled.parser())));
        }
        // availability, publication and waitlist events are for other readers
    }

    static SessionCancellation toCancellation(SessionCancelled event) {
        CancelledBy by =
                switch (event.getCause()) {
                    case CANCELLED_BY_HOST -> CancelledBy.HOST;
                    case CANCELLED_BY_ADMIN -> CancelledBy.ADMIN;
                    case FIXTURE_POSTPONED -> CancelledBy.FIXTURE_POSTPONED;
                    case SESSION_CANCELLATION_CAUSE_UNSPECIFIED, UNRECOGNIZED ->
                        throw new PoisonMessage("SessionCancelled without a cause: " + event.getSessionId());
                };
        String what =
                switch (by) {
                    case HOST -> "the host cancelled the session";
                    case ADMIN -> "an admin cancelled the session";
                    case FIXTURE_POSTPONED -> "the match was postponed";
                    case GUEST -> throw new IllegalStateException("a guest never cancels a whole session");
                };
        String reason = event.getReason().isBlank() ? what : what + ": " + event.getReason();
        return new SessionCancellation(UUID.fromString(event.getSessionId()), by, reason);
    }
}
