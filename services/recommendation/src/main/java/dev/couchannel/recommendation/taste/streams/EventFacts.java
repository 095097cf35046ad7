package dev.couchannel.recommendation.taste.streams;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.recommendation.taste.Booking;
import dev.couchannel.recommendation.taste.Location;
import dev.couchannel.recommendation.taste.Session;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one translation from CloudEvents to {@link Fact}s. Every other event type of the topics is
 * skipped.
 */
final class EventFacts {

    static final Set<String> TYPES = Set.of(
            "couchannel.inventory.v1.SessionPublished",
            "couchannel.inventory.v1.SessionCancelled",
            "couchannel.inventory.v1.SeatAvailabilityChanged",
            "couchannel.hosting.v1.VenueRegistered",
            "couchannel.hosting.v1.VenueChanged",
            "couchannel.booking.v1.BookingConfirmed",
            "couchannel.booking.v1.BookingCancelled");

    private EventFacts() {}

    /**
     * @throws dev.couchannel.platform.messaging.PoisonMessage when the payload does not parse or names
     *     something that is not a UUID
     */
    static Optional<Fact> of(CloudEvent event) {
        return Optional.ofNullable(
                switch (event.type()) {
                    case "couchannel.inventory.v1.SessionPublished" -> {
                        SessionPublished e = ProtobufEvents.unwrap(event, SessionPublished.parser());
                        yield new Fact.SessionPublished(new Session(
                                id(event, e.getSessionId()),
                                id(event, e.getVenueId()),
                                user(e.getHostId()),
                                blankToNull(e.getCompetition()),
                                blankToNull(e.getHomeTeam()),
                                blankToNull(e.getAwayTeam()),
                                WireTime.toInstant(e.getKickoff()),
                                e.getCapacity(),
                                false));
                    }
                    case "couchannel.inventory.v1.SessionCancelled" ->
                        new Fact.SessionCancelled(id(
                                event,
                                ProtobufEvents.unwrap(event, SessionCancelled.parser())
                                        .getSessionId()));
                    case "couchannel.inventory.v1.SeatAvailabilityChanged" -> {
                        SeatAvailabilityChanged e = ProtobufEvents.unwrap(event, SeatAvailabilityChanged.parser());
                        yield new Fact.SeatsChanged(
                                id(event, e.getSessionId()),
                                e.getSeatsFree(),
                                e.hasAt() ? WireTime.toInstant(e.getAt()) : event.time());
                    }
                    case "couchannel.hosting.v1.VenueRegistered" ->
                        venue(
                                event,
                                ProtobufEvents.unwrap(event, VenueRegistered.parser())
                                        .getVenue());
                    case "couchannel.hosting.v1.VenueChanged" ->
                        venue(
                                event,
                                ProtobufEvents.unwrap(event, VenueChanged.parser())
                                        .getVenue());
                    case "couchannel.booking.v1.BookingConfirmed" -> {
                        BookingConfirmed e = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                        yield new Fact.BookingConfirmed(
                                id(event, e.getBookingId()),
                                new Booking(user(e.getGuestId()), id(event, e.getSessionId()), e.getSeats()));
                    }
                    case "couchannel.booking.v1.BookingCancelled" ->
                        new Fact.BookingCancelled(id(
                                event,
                                ProtobufEvents.unwrap(event, BookingCancelled.parser())
                                        .getBookingId()));
                    default -> null;
                });
    }

    /** A venue without coordinates (both zero: proto3's default) has no location to be near. */
    private static Fact.@Nullable VenueLocated venue(CloudEvent event, Venue venue) {
        if (venue.getLat() == 0 && venue.getLon() == 0) {
            return null;
        }
        return new Fact.VenueLocated(
                id(event, venue.getId()), new Location(venue.getLat(), venue.getLon(), venue.getVersion()));
    }

    /** Ids as the other services write them: UUIDs, in their canonical lower-case form. */
    private static String id(CloudEvent event, String value) {
        return event.uuid(value).toString();
    }

    /** Users are e-mail addresses, lower case, as the tokens name them (ADR 12). */
    private static String user(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
