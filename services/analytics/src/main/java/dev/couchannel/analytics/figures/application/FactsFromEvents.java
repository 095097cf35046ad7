package dev.couchannel.analytics.figures.application;

import dev.couchannel.analytics.figures.Fact;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.BookingRejected;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the read model keeps of each event it reads, for the live consumer and the rebuild alike:
 * one translation, so a replay builds exactly what consuming built.
 */
public final class FactsFromEvents {

    /** The topics the read model is built from. */
    public static final List<String> TOPICS =
            List.of(Topics.BOOKING_EVENTS, Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS);

    /** The only event types that matter; every other one is skipped before any database work. */
    public static final Set<String> TYPES = Set.of(
            "couchannel.booking.v1.BookingConfirmed",
            "couchannel.booking.v1.BookingRejected",
            "couchannel.booking.v1.BookingCancelled",
            "couchannel.inventory.v1.SessionPublished",
            "couchannel.inventory.v1.SessionCancelled",
            "couchannel.hosting.v1.VenueRegistered",
            "couchannel.hosting.v1.VenueChanged");

    private FactsFromEvents() {}

    /**
     * @throws PoisonMessage when the event names something that is not a UUID or does not parse
     */
    public static Optional<Fact> of(CloudEvent event) {
        return Optional.ofNullable(
                switch (event.type()) {
                    case "couchannel.booking.v1.BookingConfirmed" -> {
                        BookingConfirmed e = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                        yield new Fact.BookingConfirmed(
                                event.uuid(e.getBookingId()),
                                event.uuid(e.getSessionId()),
                                user(e.getGuestId()),
                                e.getSeats(),
                                e.hasTotal() ? amount(e.getTotal(), event) : null,
                                e.hasTotal() ? e.getTotal().getCurrency() : null,
                                event.time());
                    }
                    case "couchannel.booking.v1.BookingRejected" -> {
                        BookingRejected e = ProtobufEvents.unwrap(event, BookingRejected.parser());
                        yield new Fact.BookingRejected(
                                event.uuid(e.getBookingId()),
                                event.uuid(e.getSessionId()),
                                user(e.getGuestId()),
                                event.time());
                    }
                    case "couchannel.booking.v1.BookingCancelled" -> {
                        BookingCancelled e = ProtobufEvents.unwrap(event, BookingCancelled.parser());
                        yield new Fact.BookingCancelled(
                                event.uuid(e.getBookingId()),
                                event.uuid(e.getSessionId()),
                                user(e.getGuestId()),
                                e.getSeats(),
                                e.getCancelledBy().isBlank() ? "UNKNOWN" : e.getCancelledBy(),
                                e.hasRefund() ? amount(e.getRefund(), event) : null,
                                e.hasRefund() ? e.getRefund().getCurrency() : null,
                                event.time());
                    }
                    case "couchannel.inventory.v1.SessionPublished" -> {
                        SessionPublished e = ProtobufEvents.unwrap(event, SessionPublished.parser());
                        yield new Fact.SessionPublished(
                                event.uuid(e.getSessionId()),
                                event.uuid(e.getVenueId()),
                                user(e.getHostId()),
                                WireTime.toInstant(e.getKickoff()),
                                e.getCapacity());
                    }
                    case "couchannel.inventory.v1.SessionCancelled" -> {
                        SessionCancelled e = ProtobufEvents.unwrap(event, SessionCancelled.parser());
                        yield new Fact.SessionCancelled(
                                event.uuid(e.getSessionId()),
                                e.getHostId().isBlank() ? null : user(e.getHostId()),
                                event.time());
                    }
                    case "couchannel.hosting.v1.VenueRegistered" ->
                        venue(
                                ProtobufEvents.unwrap(event, VenueRegistered.parser())
                                        .getVenue(),
                                event);
                    case "couchannel.hosting.v1.VenueChanged" ->
                        venue(
                                ProtobufEvents.unwrap(event, VenueChanged.parser())
                                        .getVenue(),
                                event);
                    default -> null;
                });
    }

    private static Fact venue(Venue venue, CloudEvent event) {
        return new Fact.VenueFacts(
                event.uuid(venue.getId()),
                user(venue.getHostId()),
                venue.getVersion(),
                venue.getPackagesList().stream()
                        .map(p -> new Fact.Package(p.getProvider(), p.getLicence()))
                        .distinct()
                        .toList());
    }

    /** Users are stored by e-mail address, lower case, as the tokens name them (ADR 12). */
    private static String user(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static @Nullable BigDecimal amount(Money money, CloudEvent event) {
        try {
            return new BigDecimal(money.getAmount());
        } catch (NumberFormatException e) {
            throw new PoisonMessage(event.type() + " " + event.id() + " has amount '" + money.getAmount() + "'", e);
        }
    }
}
