package dev.couchannel.compliance.rules;

/** The licence of a streaming package: for a household, or for public premises. */
public enum Licence {
    RESIDENTIAL,
    COMMERCIAL
}
