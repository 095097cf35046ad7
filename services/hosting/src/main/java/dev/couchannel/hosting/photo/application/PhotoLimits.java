package dev.couchannel.hosting.photo.application;

/**
 * How large a photo and how many per venue ({@code couchannel.hosting.photos.max-bytes}, {@code .max-per-venue}).
 *
 * @param maxBytes the largest photo accepted
 * @param maxPerVenue the most photos a venue may have
 */
public record PhotoLimits(long maxBytes, int maxPerVenue) {

    public PhotoLimits {
        if (maxBytes <= 0 || maxPerVenue <= 0) {
            throw new IllegalArgumentException("photo limits must be positive");
        }
    }
}
