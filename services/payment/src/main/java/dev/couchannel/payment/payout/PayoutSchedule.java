package dev.couchannel.payment.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a booking's money becomes payable to the host: once its session has ended (kickoff +
 * {@code sessionLength}; events carry no end time) and the guests' dispute window after the end has
 * passed.
 */
public record PayoutSchedule(Duration sessionLength, Duration disputeWindow) {

    public PayoutSchedule {
        Objects.requireNonNull(sessionLength, "sessionLength");
        Objects.requireNonNull(disputeWindow, "disputeWindow");
        if (sessionLength.isNegative() || disputeWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "a session length and a dispute window are not negative: " + sessionLength + ", " + disputeWindow);
        }
    }

    /** The instant from which the host may be paid for a session that kicks off at {@code kickoff}. */
    public Instant payableAt(Instant kickoff) {
        return kickoff.plus(sessionLength).plus(disputeWindow);
    }

    /** Whether money of a session kicking off at {@code kickoff} is payable at {@code now} (the instant included). */
    public boolean isPayable(Instant kickoff, Instant now) {
        return !now.isBefore(payableAt(kickoff));
    }
}
