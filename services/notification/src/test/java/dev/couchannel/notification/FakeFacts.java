package dev.couchannel.notification;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Inventory and hosting as small in-JVM gRPC servers, holding what each test adds. */
final class FakeFacts {

    static final FakeFacts INSTANCE = start();

    final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();
    final Map<String, Venue> venues = new ConcurrentHashMap<>();
    /** Sessions inventory answers UNAVAILABLE for. */
    final Set<String> down = ConcurrentHashMap.newKeySet();

    Server inventory;
    Server hosting;

    private static FakeFacts start() {
        FakeFacts facts = new FakeFacts();
        facts.inventory = serve(facts.new Inventory());
        facts.hosting = serve(facts.new Hosting());
        return facts;
    }

    String inventoryTarget() {
        return "static://localhost:" + inventory.getPort();
    }

    String hostingTarget() {
        return "static://localhost:" + hosting.getPort();
    }

    /** A session of Legia Warszawa vs Lech Poznań at a pub in Warsaw, kicking off at {@code kickoff}. */
    String session(Instant kickoff) {
        String venueId = UUID.randomUUID().toString();
        venues.put(
                venueId,
                Venue.newBuilder()
                        .setId(venueId)
                        .setName("Pub Pod Bramką")
                        .setAddress("ul. Marszałkowska 1")
                        .setCity("Warszawa")
                        .setCountry("PL")
                        .build());
        String id = UUID.randomUUID().toString();
        sessions.put(
                id,
                SessionDetails.newBuilder()
                        .setId(id)
                        .setVenueId(venueId)
                        .setStatus("PUBLISHED")
                        .setFixture(FixtureSummary.newBuilder()
                                .setId(UUID.randomUUID().toString())
                                .setCompetition("Ekstraklasa")
                                .setHomeTeam("Legia Warszawa")
                                .setAwayTeam("Lech Poznań")
                                .setKickoff(WireTime.of(kickoff)))
                        .build());
        return id;
    }

    private static Server serve(io.grpc.BindableService service) {
        try {
            return ServerBuilder.forPort(0).addService(service).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Inventory extends SessionCatalogGrpc.SessionCatalogImplBase {

        @Override
        public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
            if (down.contains(request.getSessionId())) {
                response.onError(
                        Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
                return;
            }
            SessionDetails session = sessions.get(request.getSessionId());
            if (session == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(session);
            response.onCompleted();
        }
    }

    final class Hosting extends VenueDirectoryGrpc.VenueDirectoryImplBase {

        @Override
        public void getVenue(GetVenueRequest request, StreamObserver<Venue> response) {
            Venue venue = venues.get(request.getVenueId());
            if (venue == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(venue);
            response.onCompleted();
        }
    }
}
