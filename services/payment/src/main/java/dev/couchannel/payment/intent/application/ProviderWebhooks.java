package dev.couchannel.payment.intent.application;

import dev.couchannel.payment.intent.CaptureOutcome;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
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

    ProviderWebhooks(
            PaymentIntents intents,
            ReceivedWebhooks received,
            Ledger ledger,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            @Value("${couchannel.payment.platform-fee-percent:10}") BigDecimal platformFeePercent) {
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

    private String withIntent(String providerRef, java.util.function.Function<PaymentIntent, String> action) {
        Optional<PaymentIntent> intent = intents.lockByProviderRef(providerRef);
        return intent.map(action).orElse("no_such_payment");
    }
}
