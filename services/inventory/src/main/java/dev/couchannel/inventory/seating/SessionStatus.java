package dev.couchannel.inventory.seating;

public enum SessionStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
