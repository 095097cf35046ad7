package dev.couchannel.hosting.venue;

/** The licence type of a streaming subscription. */
public enum Licence {
    /** For personal, non-commercial use at home. */
    RESIDENTIAL,
    /** For showing to customers on business premises. */
    COMMERCIAL
}
