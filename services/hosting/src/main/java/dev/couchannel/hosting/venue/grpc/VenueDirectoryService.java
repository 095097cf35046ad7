package dev.couchannel.hosting.venue.grpc;

import com.google.protobuf.Timestamp;
import dev.couchannel.contracts.hosting.v1.GetHostRequest;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Host;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.hosting.host.HostProfile;
import dev.couchannel.hosting.host.HostProfiles;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.hosting.venue.application.VenueMessages;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The gRPC read API of hosting ({@code contracts/proto/couchannel/hosting/v1/venues.proto}): the
 * facts of a venue for compliance (type, country, packages) and pricing (capacity), and a host's public profile for
 * the gateway's session view.
 */
@Service
class VenueDirectoryService extends VenueDirectoryGrpc.VenueDirectoryImplBase {

    private final Venues venues;
    private final HostProfiles hosts;

    VenueDirectoryService(Venues venues, HostProfiles hosts) {
        this.venues = venues;
        this.hosts = hosts;
    }

    @Override
    public void getHost(GetHostRequest request, StreamObserver<Host> response) {
        hosts.ofOwner(request.getHostId())
                .ifPresentOrElse(
                        profile -> {
                            response.onNext(message(profile));
                            response.onCompleted();
                        },
                        () -> response.onError(Status.NOT_FOUND
                                .withDescription("That host has written no profile yet.")
                                .asRuntimeException()));
    }

    private static Host message(HostProfile profile) {
        return Host.newBuilder()
                .setId(profile.id().toString())
                .setDisplayName(profile.displayName())
                .setBio(profile.bio())
                .addAllLanguages(profile.languages())
                .setMemberSince(Timestamp.newBuilder()
                        .setSeconds(profile.memberSince().getEpochSecond())
                        .setNanos(profile.memberSince().getNano()))
                .build();
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
