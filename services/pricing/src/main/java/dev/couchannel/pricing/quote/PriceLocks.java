package dev.couchannel.pricing.quote;

import java.util.Optional;
import java.util.UUID;

/** Pricing's answers to the booking saga, one per booking. */
public interface PriceLocks {

    /** Finds and locks the booking's answer until the transaction ends. */
    Optional<PriceLock> lock(UUID bookingId);

    /** Adds or replaces the booking's answer. */
    void save(PriceLock lock);
}
