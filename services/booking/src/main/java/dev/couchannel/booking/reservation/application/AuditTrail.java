package dev.couchannel.booking.reservation.application;

import com.google.protobuf.Timestamp;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.audit.v1.AuditRecorded;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Publishes audit events (contracts: {@code AuditRecorded}) through the outbox, in the transaction of the act. */
@Component
public class AuditTrail {

    private final Outbox outbox;
    private final Clock clock;

    AuditTrail(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param action what happened, e.g. {@code booking.cancelled-by-admin}
     * @param actor who did it
     * @param subject what it was done to, e.g. {@code booking:<id>}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String actor, String subject, Map<String, String> details) {
        Instant now = clock.instant();
        AuditRecorded event = AuditRecorded.newBuilder()
                .setAction(action)
                .setActor(actor)
                .setSubject(subject)
                .putAllDetails(details)
                .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        outbox.append(Topics.AUDIT_EVENTS, ProtobufEvents.wrap("booking", subject, event, now));
    }
}
