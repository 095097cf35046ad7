package dev.couchannel.search.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.search.readmodel.FieldGroup;
import dev.couchannel.search.readmodel.PublicVenue;
import dev.couchannel.search.readmodel.ReadModelUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns the events search listens to into read-model updates; every other event type changes nothing. */
final class EventTranslator {

    private EventTranslator() {}

    /** @throws dev.couchannel.platform.messaging.PoisonMessage when the record is not a readable CloudEvent */
    static Optional<ReadModelUpdate> translate(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        Instant time = event.time();
        long offset = record.offset();
        return Optional.ofNullable(
                switch (event.type()) {
                    case "couchannel.inventory.v1.SessionPublished" ->
                        published(ProtobufEvents.unwrap(event, SessionPublished.parser()), offset, time);
                    case "couchannel.inventory.v1.SessionCancelled" -> {
                        SessionCancelled e = ProtobufEvents.unwrap(event, SessionCancelled.parser());
                        yield new ReadModelUpdate.SessionChanged(
                                e.getSessionId(),
                                List.of(new FieldGroup(FieldGroup.STATUS, offset, Map.of("status", "CANCELLED"))),
                                null,
                                time);
                    }
                    case "couchannel.inventory.v1.SeatAvailabilityChanged" -> {
                        SeatAvailabilityChanged e = ProtobufEvents.unwrap(event, SeatAvailabilityChanged.parser());
                        yield new ReadModelUpdate.SessionChanged(
                                e.getSessionId(),
                                List.of(new FieldGroup(
                                        FieldGroup.SEATS,
                                        offset,
                                        Map.of("seatsLeft", e.getSeatsFree(), "capacity", e.getCapacity()))),
                                null,
                                time);
                    }
                    case "couchannel.hosting.v1.VenueRegistered" ->
                        venue(
                                ProtobufEvents.unwrap(event, VenueRegistered.parser())
                                        .getVenue(),
                                time);
                    case "couchannel.hosting.v1.VenueChanged" ->
                        venue(
                                ProtobufEvents.unwrap(event, VenueChanged.parser())
                                        .getVenue(),
                                time);
                    case "couchannel.review.v1.RatingChanged" -> {
                        RatingChanged e = ProtobufEvents.unwrap(event, RatingChanged.parser());
                        yield new ReadModelUpdate.VenueChanged(
                                e.getVenueId(),
                                new FieldGroup(
                                        FieldGroup.RATING,
                                        e.getVersion(),
                                        Map.of("rating", Map.of("average", e.getAverage(), "count", e.getCount()))),
                                time);
                    }
                    default -> null;
                });
    }

    /** The topics whose events {@link #translate} understands. */
    static final List<String> TOPICS = List.of(Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS, Topics.REVIEW_EVENTS);

    private static ReadModelUpdate published(SessionPublished e, long offset, Instant time) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", "session");
        facts.put("sessionId", e.getSessionId());
        facts.put("venueId", e.getVenueId());
        facts.put("fixtureId", e.getFixtureId());
        facts.put("competition", e.getCompetition());
        facts.put("homeTeam", e.getHomeTeam());
        facts.put("awayTeam", e.getAwayTeam());
        facts.put("territory", e.getTerritory());
        facts.put(
                "kickoff",
                Instant.ofEpochSecond(
                                e.getKickoff().getSeconds(), e.getKickoff().getNanos())
                        .toString());
        facts.put("price", new BigDecimal(e.getPricePerSeat().getAmount()).doubleValue());
        facts.put("priceAmount", e.getPricePerSeat().getAmount());
        facts.put("currency", e.getPricePerSeat().getCurrency());
        facts.put("refundPolicy", e.getRefundPolicy());
        return new ReadModelUpdate.SessionChanged(
                e.getSessionId(),
                List.of(
                        new FieldGroup(FieldGroup.FACTS, offset, facts),
                        new FieldGroup(FieldGroup.STATUS, offset, Map.of("status", "PUBLISHED")),
                        new FieldGroup(
                                FieldGroup.SEATS,
                                offset,
                                Map.of("seatsLeft", e.getCapacity(), "capacity", e.getCapacity()))),
                e.getVenueId(),
                time);
    }

    private static ReadModelUpdate venue(Venue v, Instant time) {
        Map<String, Object> fields = PublicVenue.fields(
                v.getId(),
                v.getName(),
                v.getType(),
                v.getCity(),
                v.getCountry(),
                v.getLat(),
                v.getLon(),
                v.getCapacity(),
                v.getScreens(),
                v.getLargestScreenInches(),
                v.getPackagesList().stream()
                        .map(p -> new PublicVenue.Package(p.getProvider(), p.getLicence(), p.getCountry()))
                        .toList());
        return new ReadModelUpdate.VenueChanged(
                v.getId(), new FieldGroup(FieldGroup.VENUE, v.getVersion(), Map.of("venue", fields)), time);
    }
}
