package dev.couchannel.inventory.seating;

/** How much of a booking a guest gets back when cancelling (see DOMAIN.md). */
public enum RefundPolicy {
    FLEXIBLE,
    MODERATE,
    STRICT
}
