package dev.couchannel.review.review;

import java.util.UUID;

/**
 * A venue's rating: the visible reviews' ratings added up and counted.
 *
 * @param version grows by one with every change of the rating, so a consumer keeps the latest
 */
public record VenueRating(UUID venueId, String hostId, long sum, int count, long version) {

    /** The mean rating, 0 when nobody's visible review counts. */
    public double average() {
        return count == 0 ? 0 : Math.round(sum * 100.0 / count) / 100.0;
    }

    public static VenueRating none(UUID venueId) {
        return new VenueRating(venueId, "", 0, 0, 0);
    }
}
