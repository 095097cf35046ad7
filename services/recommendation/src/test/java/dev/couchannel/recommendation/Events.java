package dev.couchannel.recommendation;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The events this service reads, as their producers publish them: CloudEvents in binary mode
 * (ce_* headers, Protobuf value), keyed as {@link Topics} says. Shared by the topology and the
 * integration tests.
 */
public final class Events {

    private Events() {}

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static ProducerRecord<String, byte[]> sessionPublished(
            String sessionId, String venueId, String host, String home, String away, Instant kickoff, Instant at) {
        return record(
                Topics.INVENTORY_EVENTS,
                sessionId,
                SessionPublished.newBuilder()
                        .setSessionId(sessionId)
                        .setVenueId(venueId)
                        .setHostId(host)
                        .setFixtureId(id())
                        .setCapacity(20)
                        .setPricePerSeat(WireMoney.of(new BigDecimal("25.00"), Currency.getInstance("PLN")))
                        .setRefundPolicy("MODERATE")
                        .setKickoff(WireTime.of(kickoff))
                        .setAt(WireTime.of(at))
                        .setCompetition("Ekstraklasa")
                        .setHomeTeam(home)
                        .setAwayTeam(away)
                        .setTerritory("PL")
                        .build(),
                at);
    }

    public static ProducerRecord<String, byte[]> sessionCancelled(String sessionId, String host, Instant at) {
        return record(
                Topics.INVENTORY_EVENTS,
                sessionId,
                SessionCancelled.newBuilder()
                        .setSessionId(sessionId)
                        .setHostId(host)
                        .setCause(SessionCancellationCause.CANCELLED_BY_HOST)
                        .setReason("the screen broke")
                        .setAt(WireTime.of(at))
                        .build(),
                at);
    }

    public static ProducerRecord<String, byte[]> seats(String sessionId, int capacity, int free, Instant at) {
        return record(
                Topics.INVENTORY_EVENTS,
                sessionId,
                SeatAvailabilityChanged.newBuilder()
                        .setSessionId(sessionId)
                        .setCapacity(capacity)
                        .setSeatsFree(free)
                        .setSeatsSold(capacity - free)
                        .setAt(WireTime.of(at))
                        .build(),
                at);
    }

    public static ProducerRecord<String, byte[]> venueRegistered(
            String venueId, String host, double lat, double lon, Instant at) {
        return record(
                Topics.HOSTING_EVENTS,
                venueId,
                VenueRegistered.newBuilder()
                        .setVenue(Venue.newBuilder()
                                .setId(venueId)
                                .setHostId(host)
                                .setName("Pub " + venueId.substring(0, 8))
                                .setType("COMMERCIAL")
                                .setCity("Warszawa")
                                .setCountry("PL")
                                .setLat(lat)
                                .setLon(lon)
                                .setCapacity(40)
                                .setVersion(1))
                        .setAt(WireTime.of(at))
                        .build(),
                at);
    }

    public static ProducerRecord<String, byte[]> bookingConfirmed(
            String bookingId, String sessionId, String guest, int seats, Instant at) {
        return record(
                Topics.BOOKING_EVENTS,
                bookingId,
                BookingConfirmed.newBuilder()
                        .setBookingId(bookingId)
                        .setSessionId(sessionId)
                        .setGuestId(guest)
                        .setSeats(seats)
                        .setTotal(WireMoney.of(new BigDecimal(25 * seats), Currency.getInstance("PLN")))
                        .build(),
                at);
    }

    public static ProducerRecord<String, byte[]> bookingCancelled(
            String bookingId, String sessionId, String guest, int seats, Instant at) {
        return record(
                Topics.BOOKING_EVENTS,
                bookingId,
                BookingCancelled.newBuilder()
                        .setBookingId(bookingId)
                        .setSessionId(sessionId)
                        .setGuestId(guest)
                        .setSeats(seats)
                        .setCancelledBy("GUEST")
                        .setRefund(WireMoney.of(new BigDecimal(25 * seats), Currency.getInstance("PLN")))
                        .build(),
                at);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Message message, Instant at) {
        return KafkaCloudEvents.toRecord(topic, ProtobufEvents.wrap("test", key, message, at));
    }
}
