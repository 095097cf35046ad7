package dev.couchannel.search;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.hosting.v1.StreamingPackage;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes the events search consumes, as their producers do (CloudEvents, keyed by the aggregate id). */
@Component
public class Events {

    private final KafkaTemplate<String, byte[]> kafka;

    Events(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** A venue's facts; {@code version} as hosting counts them. */
    public record VenueFacts(
            String id, String name, String type, String city, double lat, double lon, String licence, long version) {

        public static VenueFacts of(String name, String type, String city, double lat, double lon, String licence) {
            return new VenueFacts(UUID.randomUUID().toString(), name, type, city, lat, lon, licence, 1);
        }

        public VenueFacts renamed(String newName) {
            return new VenueFacts(id, newName, type, city, lat, lon, licence, version + 1);
        }

        public VenueFacts atVersion(long v) {
            return new VenueFacts(id, name, type, city, lat, lon, licence, v);
        }

        Venue toProto() {
            return Venue.newBuilder()
                    .setId(id)
                    .setHostId("host@example.com")
                    .setName(name)
                    .setType(type)
                    .setAddress("Flat 3, 12 Secret Street")
                    .setCity(city)
                    .setCountry("GB")
                    .setLat(lat)
                    .setLon(lon)
                    .setCapacity(20)
                    .setScreens(1)
                    .setLargestScreenInches(65)
                    .setSpeakers(2)
                    .addAllPackages(List.of(StreamingPackage.newBuilder()
                            .setProvider("Sky")
                            .setLicence(licence)
                            .setCountry("GB")
                            .build()))
                    .setVersion(version)
                    .build();
        }
    }

    /** A session to publish. */
    public record SessionFacts(
            String id,
            String venueId,
            String competition,
            String home,
            String away,
            Instant kickoff,
            int capacity,
            String price) {

        public static SessionFacts of(
                VenueFacts venue,
                String competition,
                String home,
                String away,
                Instant kickoff,
                int capacity,
                String price) {
            return new SessionFacts(
                    UUID.randomUUID().toString(), venue.id(), competition, home, away, kickoff, capacity, price);
        }
    }

    public void venueRegistered(VenueFacts venue) {
        send(
                Topics.HOSTING_EVENTS,
                venue.id(),
                VenueRegistered.newBuilder()
                        .setVenue(venue.toProto())
                        .setAt(now())
                        .build());
    }

    public void venueChanged(VenueFacts venue) {
        send(
                Topics.HOSTING_EVENTS,
                venue.id(),
                VenueChanged.newBuilder().setVenue(venue.toProto()).setAt(now()).build());
    }

    public void published(SessionFacts session) {
        send(
                Topics.INVENTORY_EVENTS,
                session.id(),
                SessionPublished.newBuilder()
                        .setSessionId(session.id())
                        .setVenueId(session.venueId())
                        .setHostId("host@example.com")
                        .setFixtureId(UUID.randomUUID().toString())
                        .setCapacity(session.capacity())
                        .setPricePerSeat(Money.newBuilder()
                                .setAmount(session.price())
                                .setCurrency("GBP")
                                .build())
                        .setRefundPolicy("FLEXIBLE")
                        .setKickoff(timestamp(session.kickoff()))
                        .setCompetition(session.competition())
                        .setHomeTeam(session.home())
                        .setAwayTeam(session.away())
                        .setTerritory("GB")
                        .setAt(now())
                        .build());
    }

    public void seatsLeft(SessionFacts session, int free) {
        send(
                Topics.INVENTORY_EVENTS,
                session.id(),
                SeatAvailabilityChanged.newBuilder()
                        .setSessionId(session.id())
                        .setCapacity(session.capacity())
                        .setSeatsFree(free)
                        .setSeatsSold(session.capacity() - free)
                        .setAt(now())
                        .build());
    }

    public void cancelled(SessionFacts session) {
        send(
                Topics.INVENTORY_EVENTS,
                session.id(),
                SessionCancelled.newBuilder()
                        .setSessionId(session.id())
                        .setHostId("host@example.com")
                        .setCause(SessionCancellationCause.CANCELLED_BY_HOST)
                        .setReason("flooded")
                        .setAt(now())
                        .build());
    }

    public void rating(VenueFacts venue, double average, int count, long version) {
        send(
                Topics.REVIEW_EVENTS,
                venue.id(),
                RatingChanged.newBuilder()
                        .setVenueId(venue.id())
                        .setHostId("host@example.com")
                        .setAverage(average)
                        .setCount(count)
                        .setVersion(version)
                        .setAt(now())
                        .build());
    }

    private void send(String topic, String key, Message message) {
        kafka.send(KafkaCloudEvents.toRecord(topic, ProtobufEvents.wrap("test", key, message, Instant.now())))
                .join();
    }

    private static Timestamp now() {
        return timestamp(Instant.now());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
