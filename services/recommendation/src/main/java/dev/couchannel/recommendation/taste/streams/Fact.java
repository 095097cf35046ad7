package dev.couchannel.recommendation.taste.streams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.couchannel.recommendation.taste.Booking;
import dev.couchannel.recommendation.taste.Location;
import dev.couchannel.recommendation.taste.Session;
import java.time.Instant;

/**
 * What the topology keeps of an event, keyed as its topic is (session, venue or booking id). Typed
 * by name in JSON, should a change of key ever send facts through a repartition topic.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({
    @JsonSubTypes.Type(Fact.SessionPublished.class),
    @JsonSubTypes.Type(Fact.SessionCancelled.class),
    @JsonSubTypes.Type(Fact.SeatsChanged.class),
    @JsonSubTypes.Type(Fact.VenueLocated.class),
    @JsonSubTypes.Type(Fact.BookingConfirmed.class),
    @JsonSubTypes.Type(Fact.BookingCancelled.class)
})
sealed interface Fact {

    record SessionPublished(Session session) implements Fact {}

    record SessionCancelled(String sessionId) implements Fact {}

    record SeatsChanged(String sessionId, int free, Instant at) implements Fact {}

    record VenueLocated(String venueId, Location location) implements Fact {}

    record BookingConfirmed(String bookingId, Booking booking) implements Fact {}

    record BookingCancelled(String bookingId) implements Fact {}
}
