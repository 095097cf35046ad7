package dev.couchannel.payment.intent;

/**
 * Where a payment intent stands.
 *
 * <pre>
 * PENDING ─┬─ authorized ─→ AUTHORIZED ─┬─ captured ─→ CAPTURED ─ refund ─→ PARTIALLY_REFUNDED ─→ REFUNDED
 *          │                            └─ voided ──→ VOIDED         └──── refund in full / void ──────↗
 *          ├─ declined ───→ DECLINED
 *          └─ voided ─────→ VOIDED
 * </pre>
 */
public enum PaymentStatus {
    /** Authorization asked of the provider, its answer not recorded yet. */
    PENDING,
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** Money was taken (and perhaps partly given back). */
    public boolean isCaptured() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
