package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.checkout.application.SagaCoordinator;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use case behind {@code POST /api/bookings}: in one transaction it claims the idempotency
 * key, stores the PENDING booking, starts its saga and queues the first command and the
 * {@code BookingRequested} event in the outbox.
 */
@Service
public class RequestBooking {

    /** What the guest asked for. */
    public record Request(
            String guestId,
            UUID sessionId,
            int seats,
            @Nullable UUID quoteId,
            @Nullable String paymentMethod) {

        String fingerprint() {
            return sha256(sessionId + "|" + seats + "|" + quoteId + "|" + paymentMethod);
        }
    }

    /** A new booking, or the replay of the one the key created. */
    public sealed interface Outcome {
        Booking booking();

        record Accepted(Booking booking) implements Outcome {}

        record Replayed(Booking booking) implements Outcome {}

        /** The key was first used with a different request; nothing was written. */
        record KeyReused(Booking booking) implements Outcome {}
    }

    private final Bookings bookings;
    private final IdempotencyKeys keys;
    private final SagaCoordinator saga;
    private final BookingEvents events;
    private final Clock clock;

    public RequestBooking(
            Bookings bookings, IdempotencyKeys keys, SagaCoordinator saga, BookingEvents events, Clock clock) {
        this.bookings = bookings;
        this.keys = keys;
        this.saga = saga;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome request(Request request, String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL stores
        UUID id = UUID.randomUUID();
        String fingerprint = request.fingerprint();
        Optional<IdempotencyKeys.Use> earlier = keys.claim(request.guestId(), idempotencyKey, fingerprint, id, now);
        if (earlier.isPresent()) {
            Booking first = bookings.find(earlier.get().bookingId()).orElseThrow();
            return earlier.get().requestHash().equals(fingerprint)
                    ? new Outcome.Replayed(first)
                    : new Outcome.KeyReused(first);
        }
        Booking booking = Booking.request(
                id,
                request.guestId(),
                request.sessionId(),
                request.seats(),
                request.paymentMethod(),
                request.quoteId(),
                now);
        bookings.add(booking);
        events.publish(booking.requested());
        saga.start(booking);
        return new Outcome.Accepted(booking);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
