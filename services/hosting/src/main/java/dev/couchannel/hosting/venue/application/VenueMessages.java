package dev.couchannel.hosting.venue.application;

import dev.couchannel.contracts.hosting.v1.StreamingPackage;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.hosting.venue.VenueDetails;
import java.util.UUID;

/** The hosting contract's {@code Venue} message: every fact of a venue, for events and gRPC alike. */
public final class VenueMessages {

    private VenueMessages() {}

    public static Venue of(dev.couchannel.hosting.venue.Venue venue) {
        return of(venue.id(), venue.hostId(), venue.details(), venue.version());
    }

    static Venue of(UUID id, String hostId, VenueDetails details, long version) {
        Venue.Builder message = Venue.newBuilder()
                .setId(id.toString())
                .setHostId(hostId)
                .setName(details.name())
                .setType(details.type().name())
                .setAddress(details.address().street())
                .setCity(details.address().city())
                .setCountry(details.address().country())
                .setLat(details.location().lat())
                .setLon(details.location().lon())
                .setCapacity(details.capacity())
                .setScreens(details.equipment().screens())
                .setLargestScreenInches(details.equipment().largestScreenInches())
                .setSpeakers(details.equipment().speakers())
                .setVersion(version);
        details.packages()
                .forEach(p -> message.addPackages(StreamingPackage.newBuilder()
                        .setProvider(p.provider())
                        .setLicence(p.licence().name())
                        .setCountry(p.country())));
        return message.build();
    }
}
