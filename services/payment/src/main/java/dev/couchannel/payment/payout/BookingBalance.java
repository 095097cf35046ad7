package dev.couchannel.payment.payout;

import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a host is owed for one captured booking, as the payment intents say it: the host share
 * less the host's part of the refunds and less the host's penalty ({@code net}, negative when the
 * penalty is more than what is left), and how much of that earlier payouts already settled.
 *
 * @param kickoff the session's kickoff, or null while payment has not learned it (then nothing of
 *     the booking is paid out, except a negative amount, which is deducted at once)
 */
public record BookingBalance(
        UUID bookingId,
        String hostId,
        String sessionId,
        Money net,
        Money settled,
        @Nullable Instant kickoff) {

    public BookingBalance {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(sessionId, "sessionId");
        if (!net.sameCurrencyAs(settled)) {
            throw new IllegalArgumentException("a booking's balance is in one currency: " + net + " / " + settled);
        }
    }

    /** What is still to be settled: positive when the host is owed more, negative when they owe it back. */
    public Money unsettled() {
        return net.minus(settled);
    }

    public Currency currency() {
        return net.currency();
    }

    /**
     * Whether the next payout settles it: money owed to the host once the session's dispute window
     * has passed; money the host owes (a penalty, a late refund) at once, so it is deducted from
     * the very next payout.
     */
    public boolean isDue(PayoutSchedule schedule, Instant now) {
        Money open = unsettled();
        if (open.isZero()) {
            return false;
        }
        return open.isNegative() || (kickoff != null && schedule.isPayable(kickoff, now));
    }
}
