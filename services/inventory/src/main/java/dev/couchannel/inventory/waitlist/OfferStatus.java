package dev.couchannel.inventory.waitlist;

/** An offer is OPEN until the guest books with it (ACCEPTED), it runs out (EXPIRED) or is WITHDRAWN. */
public enum OfferStatus {
    OPEN,
    ACCEPTED,
    EXPIRED,
    WITHDRAWN
}
