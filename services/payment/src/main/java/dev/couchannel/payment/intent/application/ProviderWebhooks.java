package dev.couchannel.payment.intent.application;

import dev.couchannel.payment.intent.CaptureOutcome;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.intent.ProviderEvent;
import dev.couchannel.payment.intent.ReceivedWebhooks;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.PlatformFee;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles payment intents with what a provider's (verified) webhook reports, once per event id,
 * through the intent's own verbs and in one transaction with the webhook inbox entry.
 *
 * <ul>
 *   <li>{@code payment_intent.succeeded}: the provider captured → an AUTHORIZED intent is captured
 *       and the capture posted (a capture command that raced it finds it captured and replies so);
 *   <li>{@code payment_intent.canceled}: an AUTHORIZED intent is voided (a capture cannot be undone
 *       by a release, so a captured one is left as it is);
 *   <li>{@code payment_intent.payment_failed}: a PENDING intent is declined with the reason;
 *   <li>{@code charge.refunded}: compared with our refunds. Money moves in our books only through
 *       keyed commands, and a refund command may be between its provider call and its commit when
 *       the webhook comes, so a provider total above ours is recorded as {@code refund_unrecorded}
 *       (logged and counted for an operator), never guessed into the ledger;
 *   <li>{@code charge.refund.updated} / {@code refund.updated} / {@code refund.failed} with {@code status:
 *       failed} or {@code canceled}: a refund the provider accepted failed later. It is reversed (intent and
 *       ledger: the money never left), recorded as a refused refund and answered to the booking with
 *       {@code PaymentRefundFailed} ({@code refund_failed}); found by our key in the refund's
 *       {@code couchannel_key} metadata;
 *   <li>anything else: acknowledged and ignored.
 * </ul>
 */
@Service
public class ProviderWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhooks.class);

    private final PaymentIntents intents;
    private final ReceivedWebhooks received;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PlatformFee platformFee;
    private final RefundFailureAlerts alerts;
    private final BookingReplies replies;

    ProviderWebhooks(
            PaymentIntents intents,
            ReceivedWebhooks received,
            Ledger ledger,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            RefundFailureAlerts alerts,
            BookingReplies replies,
            @Value("${couchannel.payment.platform-fee-percent:10}") BigDecimal platformFeePercent) {
        this.alerts = alerts;
        this.replies = replies;
        this.intents = intents;
        this.received = received;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.platformFee = new PlatformFee(platformFeePercent);
    }

    /** Handles a verified event of {@code provider}; returns what it did (also for a repeated delivery). */
    public String handle(String provider, ProviderEvent event) {
        String outcome = transactions.execute(status -> {
            Instant now = clock.instant();
            if (!received.claim(provider, event, now)) {
                return "duplicate";
            }
            String result = reconcile(event, now);
            received.settle(provider, event, result);
            return result;
        });
        Counter.builder("couchannel.payment.webhooks")
                .description("provider webhooks handled, by outcome")
                .tag("provider", provider)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        log.info("{} webhook {} ({}): {}", provider, event.id(), event.type(), outcome);
        return outcome;
    }

    private String reconcile(ProviderEvent event, Instant now) {
        return switch (event) {
            case ProviderEvent.Unhandled unhandled -> "ignored";
            case ProviderEvent.Captured captured ->
                withIntent(captured.providerRef(), intent -> {
                    if (intent.status() == PaymentStatus.VOIDED) {
                        // the provider took money we released (or could not release): nothing here holds it
                        log.warn(
                                "provider captured booking {}'s payment, which is VOIDED here: "
                                        + "an operator must refund it at the provider",
                                intent.bookingId());
                        return "captured_after_void";
                    }
                    if (!intent.awaitsCapture()) {
                        return "unchanged";
                    }
                    if (intent.capture(platformFee, now) instanceof CaptureOutcome.Captured done && done.justNow()) {
                        intents.save(intent);
                        ledger.post(JournalEntry.capture(intent.bookingId(), intent.hostId(), done.split(), now));
                        return "captured";
                    }
                    return "unchanged";
                });
            case ProviderEvent.Released released ->
                withIntent(released.providerRef(), intent -> {
                    if (intent.releasedByProvider(now)) {
                        intents.save(intent);
                        return "voided";
                    }
                    return "unchanged";
                });
            case ProviderEvent.Failed failed ->
                withIntent(failed.providerRef(), intent -> {
                    if (!intent.awaitsAuthorization()) {
                        return "unchanged";
                    }
                    intent.decline(failed.code(), failed.guestReason(), now);
                    intents.save(intent);
                    return "declined";
                });
            case ProviderEvent.RefundFailed failed ->
                withIntent(failed.providerRef(), intent -> refundFailedLater(intent, failed, now));
            case ProviderEvent.Refunded refunded ->
                withIntent(refunded.providerRef(), intent -> {
                    Money ours = intent.refunded().total();
                    if (!refunded.refundedInTotal().sameCurrencyAs(ours)
                            || refunded.refundedInTotal().isMoreThan(ours)) {
                        log.warn(
                                "provider refunded {} of booking {}'s payment, our books say {}: "
                                        + "an operator must reconcile it unless a refund command records it shortly",
                                refunded.refundedInTotal(),
                                intent.bookingId(),
                                ours);
                        return "refund_unrecorded";
                    }
                    return "in_sync";
                });
        };
    }

    /**
     * A refund the provider accepted and then failed: the refund is reversed in the intent and the ledger
     * (the money never left), recorded as a refused refund like one refused at once (alert, admins' list),
     * and the booking is told with {@code PaymentRefundFailed}: its saga, running or finished, marks the
     * booking's refund FAILED.
     */
    private String refundFailedLater(PaymentIntent intent, ProviderEvent.RefundFailed failed, Instant now) {
        String prefix = intent.bookingId() + ":refund:";
        String key = failed.idempotencyKey();
        if (key == null || !key.startsWith(prefix)) {
            log.warn(
                    "provider failed refund {} of booking {}'s payment, which is not one of ours ({}): {}",
                    failed.refundRef(),
                    intent.bookingId(),
                    key,
                    failed.code());
            return "no_such_refund";
        }
        Optional<PaymentIntent.RefundReversal> reversal =
                intent.refundFailedLater(key.substring(prefix.length()), failed.code(), failed.reason(), now);
        if (reversal.isEmpty()) {
            return intent.refundFailureWithKey(key.substring(prefix.length())).isPresent()
                    ? "unchanged"
                    : "no_such_refund";
        }
        PaymentIntent.RefundReversal reversed = reversal.get();
        intents.save(intent);
        ledger.post(JournalEntry.refundReversal(
                intent.bookingId(),
                intent.hostId(),
                reversed.refund().key(),
                reversed.refund().split(),
                now));
        alerts.refundFailed(intent.bookingId(), reversed.failure());
        replies.send(
                intent.bookingId(), PaymentCommands.refundFailedReply(intent.bookingId(), reversed.failure()), now);
        return "refund_failed";
    }

    private String withIntent(String providerRef, java.util.function.Function<PaymentIntent, String> action) {
        Optional<PaymentIntent> intent = intents.lockByProviderRef(providerRef);
        return intent.map(action).orElse("no_such_payment");
    }
}
