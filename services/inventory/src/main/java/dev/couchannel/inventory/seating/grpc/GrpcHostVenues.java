package dev.couchannel.inventory.seating.grpc;

import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.inventory.seating.HostVenues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** Hosting's {@code VenueDirectory} over gRPC, channel {@code spring.grpc.client.channel.hosting}, with a deadline. */
@Component
class GrpcHostVenues implements HostVenues {

    private static final Logger log = LoggerFactory.getLogger(GrpcHostVenues.class);

    private final VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting;
    private final long deadlineMillis;

    GrpcHostVenues(GrpcChannelFactory channels, @Value("${couchannel.inventory.grpc-deadline:2s}") Duration deadline) {
        this.hosting = VenueDirectoryGrpc.newBlockingStub(channels.createChannel("hosting"));
        this.deadlineMillis = deadline.toMillis();
    }

    @Override
    public Lookup venue(UUID venueId) {
        try {
            Venue venue = hosting.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getVenue(GetVenueRequest.newBuilder()
                            .setVenueId(venueId.toString())
                            .build());
            return new Lookup.Found(UUID.fromString(venue.getId()), venue.getHostId(), venue.getCapacity());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return new Lookup.NotFound();
            }
            log.warn("hosting did not answer about venue {}: {}", venueId, e.getStatus());
            return new Lookup.Unavailable(e.getStatus().toString());
        } catch (IllegalArgumentException e) {
            log.warn("hosting answered an unreadable venue {}: {}", venueId, e.getMessage());
            return new Lookup.Unavailable(e.getMessage());
        }
    }
}
