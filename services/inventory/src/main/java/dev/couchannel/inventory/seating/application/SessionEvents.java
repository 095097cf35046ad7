package dev.couchannel.inventory.seating.application;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.seating.SessionCancellation;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Lifecycle events of a session, appended to the outbox in the caller's transaction, keyed by the
 * session id (so they stay in order with the session's seat events).
 */
@Component
public class SessionEvents {

    private static final String SOURCE = "inventory";

    private final Outbox outbox;

    SessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(ViewingSession session, Fixture fixture, Instant now) {
        append(
                session,
                SessionPublished.newBuilder()
                        .setSessionId(session.id().toString())
                        .setVenueId(session.venueId().toString())
                        .setHostId(session.hostId())
                        .setFixtureId(session.fixtureId().toString())
                        .setCapacity(session.seats().capacity())
                        .setPricePerSeat(WireMoney.of(
                                session.pricePerSeat().amount(),
                                session.pricePerSeat().currency()))
                        .setRefundPolicy(session.refundPolicy().name())
                        .setKickoff(WireTime.of(fixture.kickoff()))
                        .setCompetition(fixture.competition())
                        .setHomeTeam(fixture.homeTeam())
                        .setAwayTeam(fixture.awayTeam())
                        .setTerritory(fixture.territory())
                        .setAt(WireTime.of(now))
                        .build(),
                now);
    }

    void cancelled(ViewingSession session, SessionCancellation cancellation) {
        append(
                session,
                SessionCancelled.newBuilder()
                        .setSessionId(session.id().toString())
                        .setHostId(session.hostId())
                        .setCause(SessionCancellationCause.valueOf(
                                cancellation.cause().name()))
                        .setReason(cancellation.reason())
                        .setAt(WireTime.of(cancellation.at()))
                        .build(),
                cancellation.at());
    }

    /** The session's seat counts as they are now (after any seat move). */
    public void availabilityChanged(ViewingSession session, Instant now) {
        append(
                session,
                SeatAvailabilityChanged.newBuilder()
                        .setSessionId(session.id().toString())
                        .setCapacity(session.seats().capacity())
                        .setSeatsFree(session.seats().free())
                        .setSeatsHeld(session.seats().held())
                        .setSeatsSold(session.seats().sold())
                        .setAt(WireTime.of(now))
                        .build(),
                now);
    }

    /** Any other inventory event about the session. */
    public void append(ViewingSession session, com.google.protobuf.Message event, Instant now) {
        outbox.append(
                Topics.INVENTORY_EVENTS,
                ProtobufEvents.wrap(SOURCE, session.id().toString(), event, now));
    }
}
