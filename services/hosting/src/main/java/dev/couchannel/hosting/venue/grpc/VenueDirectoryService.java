package dev.couchannel.hosting.venue.grpc;

import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.hosting.venue.application.VenueMessages;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The gRPC read API of hosting ({@code contracts/proto/couchannel/hosting/v1/venues.proto}): the
 * facts of a venue for compliance (type, country, packages) and pricing (capacity).
 */
@Service
class VenueDirectoryService extends VenueDirectoryGrpc.VenueDirectoryImplBase {

    private final Venues venues;

    VenueDirectoryService(Venues venues) {
        this.venues = venues;
    }

    @Override
    public void getVenue(GetVenueRequest request, StreamObserver<Venue> response) {
        UUID id;
        try {
            id = UUID.fromString(request.getVenueId());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("venue_id must be a UUID")
                    .asRuntimeException());
            return;
        }
        venues.find(id)
                .ifPresentOrElse(
                        venue -> {
                            response.onNext(VenueMessages.of(venue));
                            response.onCompleted();
                        },
                        () -> response.onError(Status.NOT_FOUND
                                .withDescription("No venue with id " + id + ".")
                                .asRuntimeException()));
    }
}
