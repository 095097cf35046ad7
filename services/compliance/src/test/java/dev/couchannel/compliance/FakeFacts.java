package dev.couchannel.compliance;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.StreamingPackage;
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

/**
 * In-JVM stand-ins for inventory's SessionCatalog and hosting's VenueDirectory, answering from
 * maps a test fills; a session marked silent is never answered (a hung inventory).
 */
final class FakeFacts {

    final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();
    final Map<String, Venue> venues = new ConcurrentHashMap<>();
    final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Server inventory;
    private final Server hosting;

    FakeFacts() {
        try {
            inventory = ServerBuilder.forPort(0)
                    .addService(new SessionCatalogGrpc.SessionCatalogImplBase() {
                        @Override
                        public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
                            if (silent.contains(request.getSessionId())) {
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
                    })
                    .build()
                    .start();
            hosting = ServerBuilder.forPort(0)
                    .addService(new VenueDirectoryGrpc.VenueDirectoryImplBase() {
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
                    })
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String inventoryTarget() {
        return "static://localhost:" + inventory.getPort();
    }

    String hostingTarget() {
        return "static://localhost:" + hosting.getPort();
    }

    /** A venue: HOME or COMMERCIAL, in {@code country}, holding packages given as "LICENCE:COUNTRY". */
    String venue(String type, String country, int capacity, String... packages) {
        String id = UUID.randomUUID().toString();
        Venue.Builder venue = Venue.newBuilder()
                .setId(id)
                .setHostId("host@example.com")
                .setName("a " + type.toLowerCase() + " venue")
                .setType(type)
                .setCountry(country)
                .setCapacity(capacity)
                .setScreens(1)
                .setLargestScreenInches(65)
                .setSpeakers(2);
        for (String p : packages) {
            String[] parts = p.split(":");
            venue.addPackages(StreamingPackage.newBuilder()
                    .setProvider("Sky")
                    .setLicence(parts[0])
                    .setCountry(parts[1]));
        }
        venues.put(id, venue.build());
        return id;
    }

    /** A session at {@code venueId} of a match in {@code competition} kicking off at {@code kickoff}. */
    String session(String venueId, String competition, Instant kickoff, int seats, int seatsLeft, String price) {
        String id = UUID.randomUUID().toString();
        sessions.put(
                id,
                SessionDetails.newBuilder()
                        .setId(id)
                        .setVenueId(venueId)
                        .setHostId("host@example.com")
                        .setStatus("PUBLISHED")
                        .setSeats(seats)
                        .setSeatsLeft(seatsLeft)
                        .setPricePerSeat(Money.newBuilder().setAmount(price).setCurrency("GBP"))
                        .setRefundPolicy("FLEXIBLE")
                        .setDescription("Big sofa.")
                        .setFixture(FixtureSummary.newBuilder()
                                .setId(UUID.randomUUID().toString())
                                .setCompetition(competition)
                                .setHomeTeam("Arsenal")
                                .setAwayTeam("Chelsea")
                                .setKickoff(WireTime.of(kickoff))
                                .setTerritory(venues.get(venueId).getCountry()))
                        .build());
        return id;
    }

    void stop() {
        inventory.shutdownNow();
        hosting.shutdownNow();
    }
}
