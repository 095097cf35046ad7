package dev.couchannel.inventory.seating;

/** Why a session was cancelled; downstream it decides the host's penalty. */
public enum CancellationCause {
    /** The host cancelled: full refunds, the host pays a penalty. */
    CANCELLED_BY_HOST,
    /** An admin cancelled (e.g. a venue not as described): full refunds, the host pays a penalty. */
    CANCELLED_BY_ADMIN,
    /** The fixture was postponed (force majeure): full refunds, no penalty. */
    FIXTURE_POSTPONED
}
