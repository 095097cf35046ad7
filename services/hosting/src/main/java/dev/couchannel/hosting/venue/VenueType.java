package dev.couchannel.hosting.venue;

/** What kind of place a venue is; broadcasting rules differ between the two. */
public enum VenueType {
    /** Someone's home: a flat, a house, a shared living room. */
    HOME,
    /** Business premises: a bar, a club room, a café. */
    COMMERCIAL
}
