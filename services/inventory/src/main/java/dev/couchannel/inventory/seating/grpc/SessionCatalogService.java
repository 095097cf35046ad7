package dev.couchannel.inventory.seating.grpc;

import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The gRPC read API of inventory ({@code contracts/proto/couchannel/inventory/v1/catalog.proto}). */
@Service
class SessionCatalogService extends SessionCatalogGrpc.SessionCatalogImplBase {

    private final Sessions sessions;
    private final Fixtures fixtures;

    SessionCatalogService(Sessions sessions, Fixtures fixtures) {
        this.sessions = sessions;
        this.fixtures = fixtures;
    }

    @Override
    public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
        UUID id;
        try {
            id = UUID.fromString(request.getSessionId());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("session_id must be a UUID")
                    .asRuntimeException());
            return;
        }
        ViewingSession session = sessions.find(id).orElse(null);
        if (session == null) {
            response.onError(Status.NOT_FOUND
                    .withDescription("No session with id " + id + ".")
                    .asRuntimeException());
            return;
        }
        SessionDetails.Builder details = SessionDetails.newBuilder()
                .setId(session.id().toString())
                .setVenueId(session.venueId().toString())
                .setHostId(session.hostId())
                .setStatus(session.status().name())
                .setSeats(session.seats().capacity())
                .setSeatsLeft(session.seats().free())
                .setPricePerSeat(WireMoney.of(
                        session.pricePerSeat().amount(), session.pricePerSeat().currency()))
                .setRefundPolicy(session.refundPolicy().name())
                .setDescription(session.description());
        fixtures.find(session.fixtureId()).ifPresent(fixture -> details.setFixture(summary(fixture)));
        response.onNext(details.build());
        response.onCompleted();
    }

    private static FixtureSummary summary(Fixture fixture) {
        return FixtureSummary.newBuilder()
                .setId(fixture.id().toString())
                .setCompetition(fixture.competition())
                .setHomeTeam(fixture.homeTeam())
                .setAwayTeam(fixture.awayTeam())
                .setKickoff(WireTime.of(fixture.kickoff()))
                .setTerritory(fixture.territory())
                .build();
    }
}
