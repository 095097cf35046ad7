package dev.couchannel.compliance.rules;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The verdict given on each booking, so a repeated check answers the same way. */
public interface BookingVerdicts {

    Optional<Verdict> find(UUID bookingId);

    /** Records the verdict unless the booking has one already (the first one stands). */
    void recordFirst(UUID bookingId, String sessionId, Verdict verdict, Instant at);
}
