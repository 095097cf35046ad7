package dev.couchannel.compliance.rules;

/** What kind of place a showing happens in. */
public enum VenueType {
    HOME,
    COMMERCIAL
}
