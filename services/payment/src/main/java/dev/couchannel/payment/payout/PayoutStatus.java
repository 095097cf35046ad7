package dev.couchannel.payment.payout;

/** Where a payout stands. */
public enum PayoutStatus {
    /** Written with its bookings; the provider is (about to be) asked, or its answer is unknown. */
    PENDING,
    /** The provider transferred the money; the ledger entry and {@code HostPaidOut} were written with this state. */
    PAID,
    /** The last attempt failed (a refusal or the provider down); retried at {@code nextAttemptAt}. */
    FAILED
}
