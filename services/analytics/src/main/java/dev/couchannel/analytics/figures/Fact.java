package dev.couchannel.analytics.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the read model keeps of another service's event. Each is applied as an upsert that a
 * repeat, or an event of another topic arriving first, leaves right: the read model does not
 * depend on the order of topics, so a replay from the log builds the same tables.
 */
public sealed interface Fact {

    /** @param amount what the guest paid, with {@code currency}; null for an event from before booking published it */
    record BookingConfirmed(
            UUID bookingId,
            UUID sessionId,
            String guestId,
            int seats,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            Instant at)
            implements Fact {}

    record BookingRejected(UUID bookingId, UUID sessionId, String guestId, Instant at) implements Fact {}

    record BookingCancelled(
            UUID bookingId,
            UUID sessionId,
            String guestId,
            int seats,
            String cancelledBy,
            @Nullable BigDecimal refund,
            @Nullable String currency,
            Instant at)
            implements Fact {}

    record SessionPublished(UUID sessionId, UUID venueId, String hostId, Instant kickoff, int capacity)
            implements Fact {}

    record SessionCancelled(UUID sessionId, @Nullable String hostId, Instant at) implements Fact {}

    record VenueFacts(UUID venueId, String hostId, long version, List<Package> packages) implements Fact {}

    record Package(String provider, String licence) {}
}
