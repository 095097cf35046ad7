package dev.couchannel.search.catalog;

/** How results are ordered; the API names them in lower case. */
public enum SortOrder {
    /** Best text match first (the default with a {@code q}). */
    RELEVANCE,
    /** Nearest venue first; needs a point. */
    DISTANCE,
    /** Earliest kickoff first (the default without {@code q}). */
    KICKOFF,
    /** Cheapest seat first. */
    PRICE,
    /** Best rated venue first. */
    RATING
}
