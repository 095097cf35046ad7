package dev.couchannel.payment.intent;

import java.util.Optional;
import java.util.UUID;

/** Payment intents by booking id (port). */
public interface PaymentIntents {

    Optional<PaymentIntent> find(UUID bookingId);

    /** Loads a booking's intent for a change; other changes to it wait until the transaction ends. */
    Optional<PaymentIntent> lock(UUID bookingId);

    /** Like {@link #lock}, finding the intent by the provider's id of its authorization. */
    Optional<PaymentIntent> lockByProviderRef(String providerRef);

    /**
     * Adds a new intent.
     *
     * @return false when the booking already had one (left unchanged)
     */
    boolean add(PaymentIntent intent);

    /** Stores the intent's state and any refunds it gained. */
    void save(PaymentIntent intent);
}
