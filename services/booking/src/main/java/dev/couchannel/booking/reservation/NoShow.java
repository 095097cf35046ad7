package dev.couchannel.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The session's host recorded that a confirmed booking's guest did not come. It may be recorded from
 * kickoff (nobody is missing before the match starts) until {@link #WINDOW} after it (the same 72 h a
 * guest has to claim a refund: after that the record is settled either way).
 */
public record NoShow(UUID bookingId, UUID sessionId, String guestId, String hostId, int seats, Instant markedAt) {

    /** How long after kickoff a host may still record a no-show. */
    public static final Duration WINDOW = Duration.ofHours(72);

    /** What recording a no-show ended in. */
    public sealed interface Decision {

        record Marked(NoShow noShow) implements Decision {}

        /** Only a CONFIRMED booking has a guest who was expected. */
        record NotConfirmed(BookingStatus status) implements Decision {}

        record TooEarly(Instant kickoff) implements Decision {}

        record TooLate(Instant closedAt) implements Decision {}
    }

    /**
     * Whether the host of the booking's session may record its guest as absent at {@code now}. The
     * caller has already checked that {@code hostId} hosts the session.
     */
    public static Decision decide(Booking booking, String hostId, Instant kickoff, Instant now) {
        if (booking.status() != BookingStatus.CONFIRMED) {
            return new Decision.NotConfirmed(booking.status());
        }
        if (now.isBefore(kickoff)) {
            return new Decision.TooEarly(kickoff);
        }
        Instant closes = kickoff.plus(WINDOW);
        if (now.isAfter(closes)) {
            return new Decision.TooLate(closes);
        }
        return new Decision.Marked(
                new NoShow(booking.id(), booking.sessionId(), booking.guestId(), hostId, booking.seats(), now));
    }
}
