package dev.couchannel.pricing.quote;

import java.time.Instant;
import java.util.UUID;

/**
 * What a price depends on, gathered from inventory (the session) and hosting (its venue).
 *
 * @param capacity seats the session offers in all
 * @param seatsLeft seats neither held nor sold right now
 * @param open whether guests can book it (published, not cancelled)
 * @param venueCountry ISO 3166 alpha-2 country of the venue, whose VAT applies
 */
public record PricedSession(
        UUID sessionId,
        int capacity,
        int seatsLeft,
        Money pricePerSeat,
        Instant kickoff,
        boolean open,
        String venueCountry) {}
