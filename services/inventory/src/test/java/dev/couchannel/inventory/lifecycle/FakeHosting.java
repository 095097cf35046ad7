package dev.couchannel.inventory.lifecycle;

import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Hosting's venue directory as inventory sees it: answers from a map, or UNAVAILABLE when down. */
final class FakeHosting extends VenueDirectoryGrpc.VenueDirectoryImplBase {

    final Map<String, Venue> venues = new ConcurrentHashMap<>();
    volatile boolean down;

    UUID venueOf(String hostId, int capacity) {
        UUID id = UUID.randomUUID();
        venues.put(
                id.toString(),
                Venue.newBuilder()
                        .setId(id.toString())
                        .setHostId(hostId)
                        .setName("Living room")
                        .setType("HOME")
                        .setCountry("PL")
                        .setCapacity(capacity)
                        .setVersion(1)
                        .build());
        return id;
    }

    @Override
    public void getVenue(GetVenueRequest request, StreamObserver<Venue> response) {
        if (down) {
            response.onError(
                    Status.UNAVAILABLE.withDescription("hosting is down").asRuntimeException());
            return;
        }
        Venue venue = venues.get(request.getVenueId());
        if (venue == null) {
            response.onError(Status.NOT_FOUND.asRuntimeException());
            return;
        }
        response.onNext(venue);
        response.onCompleted();
    }
}
