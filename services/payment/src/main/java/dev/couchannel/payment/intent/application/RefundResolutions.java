package dev.couchannel.payment.intent.application;

import dev.couchannel.contracts.payment.v1.PaymentRefundResolved;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.Refund;
import dev.couchannel.payment.intent.ResolutionOutcome;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator records that the money of a refused refund was given back another way (a bank transfer):
 * the failure is resolved and leaves the open list, and what was still refundable of it is posted as a
 * repayment ({@link JournalEntry#repayment}), so that the ledger and the reconciliation agree, and the
 * booking service is told ({@code PaymentRefundResolved}: the booking's refund is settled). The same
 * reference again changes nothing and answers the same.
 */
@Service
public class RefundResolutions {

    private static final Logger log = LoggerFactory.getLogger(RefundResolutions.class);

    private final PaymentIntents intents;
    private final Ledger ledger;
    private final BookingReplies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefundResolutions(
            PaymentIntents intents,
            Ledger ledger,
            BookingReplies replies,
            TransactionTemplate transactions,
            Clock clock) {
        this.intents = intents;
        this.ledger = ledger;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Resolves the booking's open refused refunds; empty when the booking has no payment. */
    public Optional<ResolutionOutcome> resolve(UUID bookingId, String reference, String note, String resolvedBy) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Optional<PaymentIntent> locked = intents.lock(bookingId);
            if (locked.isEmpty()) {
                return Optional.<ResolutionOutcome>empty();
            }
            PaymentIntent intent = locked.get();
            Instant now = clock.instant();
            ResolutionOutcome outcome = intent.resolveRefundFailures(reference, note, resolvedBy, now);
            if (outcome instanceof ResolutionOutcome.Resolved resolved && resolved.justNow()) {
                intents.save(intent);
                for (Refund repayment : resolved.repayments()) {
                    ledger.post(JournalEntry.repayment(
                            bookingId, intent.hostId(), repayment.key(), repayment.split(), reference, now));
                }
                Money repaid = resolved.repayments().stream()
                        .map(Refund::amount)
                        .reduce(Money.zero(intent.amount().currency()), Money::plus);
                // the booking's refund is settled now: it stops saying FAILED
                replies.send(
                        bookingId,
                        PaymentRefundResolved.newBuilder()
                                .setBookingId(bookingId.toString())
                                .setRepaid(PaymentCommands.wire(repaid))
                                .setReference(reference)
                                .build(),
                        now);
                log.info(
                        "refused refunds of booking {} resolved by {} ({}): {} repaid outside the provider",
                        bookingId,
                        resolvedBy,
                        reference,
                        resolved.repayments().stream().map(Refund::amount).toList());
            }
            return Optional.of(outcome);
        }));
    }
}
