package dev.couchannel.booking.reservation;

/** Who cancelled a confirmed booking. */
public enum CancelledBy {
    /** The guest: refund per the session's policy. */
    GUEST,
    /** An admin, for this booking alone: a full refund, no penalty for the host. */
    ADMIN,
    /** The host cancelled the session (or an admin did, for the host): full refund, host penalty. */
    HOST,
    /** The fixture was postponed or cancelled (force majeure): full refund, no penalty. */
    FIXTURE_POSTPONED
}
