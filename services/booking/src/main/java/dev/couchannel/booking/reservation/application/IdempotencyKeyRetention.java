package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.reservation.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps Idempotency-Keys for {@code couchannel.booking.idempotency-key-retention} (at least 24 h,
 * the promise of the API), then forgets them in small batches. The bookings stay.
 */
@Component
public class IdempotencyKeyRetention {

    static final Duration MINIMUM = Duration.ofHours(24);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyRetention(
            IdempotencyKeys keys,
            Clock clock,
            @Value("${couchannel.booking.idempotency-key-retention:48h}") Duration retention) {
        if (retention.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("couchannel.booking.idempotency-key-retention must be at least 24h "
                    + "(clients may retry a booking request for a day), not " + retention);
        }
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
    }

    /** @return how many keys were forgotten */
    @Scheduled(fixedDelayString = "${couchannel.booking.idempotency-key-purge:1h}")
    public int forgetExpired() {
        int forgotten = 0;
        int batch;
        do {
            batch = keys.forgetUsedBefore(clock.instant().minus(retention), 1000);
            forgotten += batch;
        } while (batch == 1000);
        return forgotten;
    }
}
