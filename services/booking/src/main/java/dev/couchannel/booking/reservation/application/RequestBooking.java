package dev.couchannel.booking.reservation.application;

import dev.couchannel.booking.checkout.application.SagaCoordinator;
import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.IdempotencyKeys;
import dev.couchannel.booking.reservation.SessionDirectory;
import dev.couchannel.booking.reservation.SessionDirectory.Availability;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use case behind {@code POST /api/bookings}. A retried request (same Idempotency-Key) replays
 * the first answer. A new one is checked against the session (unknown, closed or too small: turned
 * away, nothing written), then, in one transaction, claims the key, checks the per-guest seat cap
 * of the session (against scalping: counted under a lock on guest and session), stores the PENDING
 * booking, starts its saga and queues the first command and the {@code BookingRequested} event.
 */
@Service
public class RequestBooking {

    /** What the guest asked for. */
    public record Request(
            String guestId,
            UUID sessionId,
            int seats,
            @Nullable UUID quoteId,
            String paymentMethod,
            @Nullable UUID waitlistOfferId) {

        String fingerprint() {
            String offer = waitlistOfferId == null ? "" : "|" + waitlistOfferId; // keys of older requests stay valid
            return sha256(sessionId + "|" + seats + "|" + quoteId + "|" + paymentMethod + offer);
        }
    }

    /** What became of the request. */
    public sealed interface Outcome {

        record Accepted(Booking booking) implements Outcome {}

        record Replayed(Booking booking) implements Outcome {}

        /** The key was first used with a different request; nothing was written. */
        record KeyReused() implements Outcome {}

        /** Another request with the same key is being processed right now; nothing was written. */
        record KeyInFlight() implements Outcome {}

        record UnknownSession() implements Outcome {}

        record SessionClosed() implements Outcome {}

        record MoreSeatsThanTheSessionHas(int capacity) implements Outcome {}

        /** The guest would hold more than the per-guest cap of this session (against scalping); nothing written. */
        record OverGuestSeatCap(int cap, int alreadyBooked) implements Outcome {}
    }

    private final Bookings bookings;
    private final IdempotencyKeys keys;
    private final SessionDirectory sessions;
    private final SagaCoordinator saga;
    private final BookingEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int seatCap;

    public RequestBooking(
            Bookings bookings,
            IdempotencyKeys keys,
            SessionDirectory sessions,
            SagaCoordinator saga,
            BookingEvents events,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${couchannel.booking.seats-per-guest-per-session:6}") int seatCap) {
        this.bookings = bookings;
        this.keys = keys;
        this.sessions = sessions;
        this.saga = saga;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        if (seatCap < 1) {
            throw new IllegalArgumentException("couchannel.booking.seats-per-guest-per-session must be at least 1");
        }
        this.seatCap = seatCap;
    }

    public Outcome request(Request request, String idempotencyKey) {
        String fingerprint = request.fingerprint();
        Optional<IdempotencyKeys.Use> earlier = keys.find(request.guestId(), idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        // outside any transaction: a slow inventory must not hold a database connection
        switch (sessions.availability(request.sessionId())) {
            case Availability.Unknown unknown -> {
                return new Outcome.UnknownSession();
            }
            case Availability.Closed closed -> {
                return new Outcome.SessionClosed();
            }
            case Availability.Open open
            when request.seats() > open.capacity() -> {
                return new Outcome.MoreSeatsThanTheSessionHas(open.capacity());
            }
            case Availability.Open open -> {}
            case Availability.Unreachable unreachable -> {}
        }
        return transactions.execute(status -> {
            Outcome outcome = create(request, idempotencyKey, fingerprint);
            if (outcome instanceof Outcome.OverGuestSeatCap) {
                status.setRollbackOnly(); // the key's claim too: the guest may fix the request and send it again
            }
            return outcome;
        });
    }

    private Outcome create(Request request, String idempotencyKey, String fingerprint) {
        if (!keys.tryLock(request.guestId(), idempotencyKey)) {
            return new Outcome.KeyInFlight();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL stores
        UUID id = UUID.randomUUID();
        Optional<IdempotencyKeys.Use> earlier = keys.claim(request.guestId(), idempotencyKey, fingerprint, id, now);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        int alreadyBooked = bookings.lockSeatsOfGuest(request.guestId(), request.sessionId());
        if (alreadyBooked + request.seats() > seatCap) {
            return new Outcome.OverGuestSeatCap(seatCap, alreadyBooked);
        }
        Booking booking = Booking.request(
                id,
                request.guestId(),
                request.sessionId(),
                request.seats(),
                request.paymentMethod(),
                request.quoteId(),
                request.waitlistOfferId(),
                now);
        bookings.add(booking);
        events.publish(booking.requested());
        saga.start(booking);
        return new Outcome.Accepted(booking);
    }

    private Outcome replay(IdempotencyKeys.Use earlier, String fingerprint) {
        if (!earlier.requestHash().equals(fingerprint)) {
            return new Outcome.KeyReused();
        }
        return new Outcome.Replayed(bookings.find(earlier.bookingId()).orElseThrow());
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
