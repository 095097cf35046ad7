package dev.couchannel.payment.intent.application;

import com.google.protobuf.Message;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.payment.v1.AuthorizePayment;
import dev.couchannel.contracts.payment.v1.CapturePayment;
import dev.couchannel.contracts.payment.v1.PaymentAuthorized;
import dev.couchannel.contracts.payment.v1.PaymentCaptureFailed;
import dev.couchannel.contracts.payment.v1.PaymentCaptured;
import dev.couchannel.contracts.payment.v1.PaymentDeclined;
import dev.couchannel.contracts.payment.v1.PaymentRefundFailed;
import dev.couchannel.contracts.payment.v1.PaymentRefunded;
import dev.couchannel.contracts.payment.v1.PaymentVoided;
import dev.couchannel.contracts.payment.v1.RefundPayment;
import dev.couchannel.contracts.payment.v1.VoidPayment;
import dev.couchannel.payment.intent.AuthorizationOutcome;
import dev.couchannel.payment.intent.CaptureOutcome;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PenaltyOutcome;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.Refund;
import dev.couchannel.payment.intent.RefundFailure;
import dev.couchannel.payment.intent.RefundOutcome;
import dev.couchannel.payment.intent.VoidOutcome;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.PlatformFee;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.PoisonMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment commands of the booking saga, each idempotent per booking id.
 *
 * <p>A provider call may take seconds, so no database transaction stays open across one. Each
 * command runs in up to three steps:
 *
 * <ol>
 *   <li>read (or, for an authorization, create as PENDING in a short transaction of its own) the
 *       booking's intent and work out, on a copy, what the provider must do;
 *   <li>call the provider with an idempotency key derived from the booking id, retrying transient
 *       errors ({@link ProviderCalls});
 *   <li>the returned {@link Inbox.Completion}, run by the listener inside its inbox transaction: lock the
 *       intent, record the provider's answer, post the ledger entry and append the reply to the
 *       outbox — all or nothing.
 * </ol>
 *
 * <p>A crash between steps leaves the command unacknowledged; its redelivery finds the intent
 * as step 1 left it and calls the provider again with the same key, which answers as before
 * without moving money twice. A repeated command (a new message for the same booking) finds the
 * intent in its final state, calls nobody and replies as the first time.
 */
@Service
public class PaymentCommands {

    /** The reply when the provider stayed unavailable through every retry. */
    public static final String PROVIDER_UNAVAILABLE = "The payment provider is unavailable; nothing was charged.";

    /** The counter of refunds the provider refused for good (tag {@code code}): alert on any increase. */
    public static final String REFUNDS_FAILED = RefundFailureAlerts.REFUNDS_FAILED;

    private static final Logger log = LoggerFactory.getLogger(PaymentCommands.class);
    private final PaymentIntents intents;
    private final Ledger ledger;
    private final ProviderCalls provider;
    private final BookingReplies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PlatformFee platformFee;
    private final MeterRegistry meters;
    private final RefundFailureAlerts alerts;

    PaymentCommands(
            PaymentIntents intents,
            Ledger ledger,
            ProviderCalls provider,
            BookingReplies replies,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            RefundFailureAlerts alerts,
            @Value("${couchannel.payment.platform-fee-percent:10}") BigDecimal platformFeePercent) {
        this.alerts = alerts;
        this.intents = intents;
        this.ledger = ledger;
        this.provider = provider;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.platformFee = new PlatformFee(platformFeePercent);
    }

    public Inbox.Completion authorize(AuthorizePayment command) {
        UUID bookingId = bookingId(command.getBookingId());
        Money amount = money(command.getAmount(), command.getBookingId());
        if (!amount.isPositive()) {
            return () -> reply(
                    bookingId,
                    PaymentDeclined.newBuilder()
                            .setBookingId(bookingId.toString())
                            .setCode("invalid_amount")
                            .setReason("The amount to pay must be positive.")
                            .build());
        }
        PaymentIntent intent = transactions.execute(status -> {
            intents.add(PaymentIntent.request(
                    bookingId,
                    UUID.randomUUID(),
                    command.getGuestId(),
                    command.getHostId(),
                    command.getSessionId(),
                    amount,
                    command.getPaymentMethod(),
                    clock.instant()));
            return intents.find(bookingId).orElseThrow();
        });
        // a repetition of the command is answered from the intent as first requested
        ProviderResult answer = intent.awaitsAuthorization()
                ? provider.authorize(authorizationKey(bookingId), intent.amount(), intent.paymentMethod())
                : null;
        return () -> {
            PaymentIntent locked = intents.lock(bookingId).orElseThrow();
            if (answer != null) {
                recordAuthorization(locked, answer);
            }
            switch (locked.authorization()) {
                case AuthorizationOutcome.Authorized authorized ->
                    reply(
                            bookingId,
                            PaymentAuthorized.newBuilder()
                                    .setBookingId(bookingId.toString())
                                    .setPaymentId(authorized.paymentId().toString())
                                    .setAmount(wire(authorized.amount()))
                                    .build());
                case AuthorizationOutcome.Declined declined ->
                    reply(
                            bookingId,
                            PaymentDeclined.newBuilder()
                                    .setBookingId(bookingId.toString())
                                    .setReason(declined.reason())
                                    .setCode(declined.code())
                                    .build());
                case AuthorizationOutcome.Pending pending ->
                    throw new IllegalStateException("the authorization of booking " + bookingId + " is still pending");
            }
        };
    }

    public Inbox.Completion capture(CapturePayment command) {
        UUID bookingId = bookingId(command.getBookingId());
        ProviderResult answer = intents.find(bookingId)
                .filter(PaymentIntent::awaitsCapture)
                .map(intent -> provider.capture(bookingId + ":capture", requireRef(intent), intent.amount()))
                .orElse(null);
        return () -> {
            Optional<PaymentIntent> found = intents.lock(bookingId);
            if (found.isEmpty()) {
                captureFailed(bookingId, "No payment was authorized for this booking.");
                return;
            }
            PaymentIntent intent = found.get();
            if (intent.awaitsCapture()) {
                switch (answer) {
                    case null ->
                        throw new IllegalStateException(
                                "payment of booking " + bookingId + " was authorized meanwhile; capture again");
                    case ProviderResult.Declined declined -> {
                        captureFailed(bookingId, declined.guestReason());
                        return;
                    }
                    case ProviderResult.ProviderError error -> {
                        captureFailed(bookingId, PROVIDER_UNAVAILABLE);
                        return;
                    }
                    case ProviderResult.Approved approved -> {}
                }
            }
            Instant now = clock.instant();
            switch (intent.capture(platformFee, now)) {
                case CaptureOutcome.Captured captured -> {
                    if (captured.justNow()) {
                        intents.save(intent);
                        ledger.post(JournalEntry.capture(bookingId, intent.hostId(), captured.split(), now));
                    }
                    reply(
                            bookingId,
                            PaymentCaptured.newBuilder()
                                    .setBookingId(bookingId.toString())
                                    .setPaymentId(intent.paymentId().toString())
                                    .setAmount(wire(captured.split().total()))
                                    .build());
                }
                case CaptureOutcome.NotCaptured notCaptured -> captureFailed(bookingId, notCaptured.reason());
            }
        };
    }

    public Inbox.Completion voidPayment(VoidPayment command) {
        UUID bookingId = bookingId(command.getBookingId());
        String reason = command.getReason();
        Optional<PaymentIntent> found = intents.find(bookingId);
        if (found.isPresent() && found.get().awaitsAuthorization()) {
            // a crash left the authorization unrecorded: learn (idempotently) whether there is one to release
            PaymentIntent pending = found.get();
            ProviderResult answer =
                    provider.authorize(authorizationKey(bookingId), pending.amount(), pending.paymentMethod());
            transactions.executeWithoutResult(
                    status -> intents.lock(bookingId).ifPresent(intent -> recordAuthorization(intent, answer)));
            found = intents.find(bookingId);
        }
        @Nullable Refund planned = null;
        ProviderResult.@Nullable Declined releaseRefusal = null;
        ProviderResult.@Nullable Declined refundRefusal = null;
        if (found.isPresent()) {
            PaymentIntent trial = found.get().copy();
            switch (trial.voidPayment(reason, clock.instant())) {
                case VoidOutcome.AuthorizationReleased released ->
                    releaseRefusal = declinedOrApproved(
                            provider.voidAuthorization(bookingId + ":void", requireRef(trial)), "void", bookingId);
                case VoidOutcome.RefundedInFull refunded -> {
                    planned = refunded.refund();
                    refundRefusal = declinedOrApproved(
                            provider.refund(refundKey(bookingId, planned), requireRef(trial), planned.amount()),
                            "refund",
                            bookingId);
                    if (refundRefusal != null) {
                        planned = null;
                    }
                }
                // refused for good before: answered from the record, the provider is not asked again
                case VoidOutcome.RefundRefused refused -> {}
                case VoidOutcome.NothingToVoid nothing -> {}
            }
        }
        Refund refundedByProvider = planned;
        ProviderResult.@Nullable Declined releaseRefusedByProvider = releaseRefusal;
        ProviderResult.@Nullable Declined refundRefusedByProvider = refundRefusal;
        return () -> {
            @Nullable RefundFailure failed = null;
            Optional<PaymentIntent> locked = intents.lock(bookingId);
            if (locked.isPresent()) {
                PaymentIntent intent = locked.get();
                Instant now = clock.instant();
                VoidOutcome outcome = refundRefusedByProvider == null
                        ? intent.voidPayment(reason, now)
                        : intent.voidRefused(
                                reason, refundRefusedByProvider.code(), refundRefusedByProvider.guestReason(), now);
                switch (outcome) {
                    case VoidOutcome.AuthorizationReleased released -> {
                        intents.save(intent);
                        if (releaseRefusedByProvider != null) {
                            alerts.releaseRefused(bookingId, releaseRefusedByProvider);
                        }
                    }
                    case VoidOutcome.RefundedInFull refunded -> {
                        requireSameRefund(refundedByProvider, refunded.refund(), bookingId);
                        intents.save(intent);
                        postRefund(intent, refunded.refund(), now);
                    }
                    case VoidOutcome.RefundRefused refused -> {
                        if (refused.justNow()) {
                            intents.save(intent);
                            alerts.refundFailed(bookingId, refused.failure());
                        }
                        failed = refused.failure();
                    }
                    case VoidOutcome.NothingToVoid nothing -> {}
                }
            }
            if (failed != null) {
                // the compensation is over without the money: the booking saga ends and the booking says so
                refundFailed(bookingId, failed);
                return;
            }
            reply(
                    bookingId,
                    PaymentVoided.newBuilder()
                            .setBookingId(bookingId.toString())
                            .build());
        };
    }

    /**
     * Gives money back and, when the host cancelled, charges the host's penalty. Both are
     * idempotent: the same request again (same amount and reason) repeats the first refund, and a
     * booking carries at most one penalty, so a redelivered or retried command refunds and
     * penalises once and answers {@code PaymentRefunded} with the same amounts every time.
     *
     * <p>A refund the provider refuses for good ({@link ProviderResult.Declined}) is a definitive
     * answer: it is recorded on the intent (no ledger movement: nothing moved), counted, logged at
     * WARN for the alert, and answered {@code PaymentRefundFailed}, so that the cancellation saga
     * stops asking; the same request again answers the same failure without calling the provider.
     * The host's penalty is charged independently of the guest's refund, as when it succeeds.
     * Transient provider errors still fail the message, which is retried.
     */
    public Inbox.Completion refund(RefundPayment command) {
        UUID bookingId = bookingId(command.getBookingId());
        Money requested = money(command.getAmount(), command.getBookingId());
        Money penalty = command.hasHostPenalty()
                        && !command.getHostPenalty().getAmount().isEmpty()
                ? money(command.getHostPenalty(), command.getBookingId())
                : Money.zero(requested.currency());
        if (penalty.isNegative()) {
            throw new PoisonMessage("booking " + bookingId + ": a host penalty of " + penalty + " is negative");
        }
        String reason = command.getReason();
        @Nullable Refund planned = null;
        ProviderResult.@Nullable Declined refusal = null;
        Optional<PaymentIntent> found = intents.find(bookingId);
        if (found.isPresent()) {
            PaymentIntent trial = found.get().copy();
            if (trial.refund(requested, reason, clock.instant()) instanceof RefundOutcome.Refunded refunded
                    && refunded.justNow()) {
                planned = refunded.refund();
                switch (provider.refund(refundKey(bookingId, planned), requireRef(trial), planned.amount())) {
                    case ProviderResult.Approved approved -> {}
                    case ProviderResult.Declined declined -> {
                        refusal = declined;
                        planned = null;
                    }
                    case ProviderResult.ProviderError error ->
                        throw new IllegalStateException(
                                "payment provider unavailable to refund booking " + bookingId + ": " + error.detail());
                }
            }
        }
        Refund refundedByProvider = planned;
        ProviderResult.@Nullable Declined refusedByProvider = refusal;
        return () -> {
            Money given = Money.zero(requested.currency());
            Money charged = Money.zero(penalty.currency());
            @Nullable RefundFailure failed = null;
            Optional<PaymentIntent> locked = intents.lock(bookingId);
            if (locked.isPresent()) {
                PaymentIntent intent = locked.get();
                Instant now = clock.instant();
                boolean changed = false;
                @Nullable Refund newRefund = null;
                RefundOutcome outcome = refusedByProvider == null
                        ? intent.refund(requested, reason, now)
                        : intent.refundRefused(
                                requested, reason, refusedByProvider.code(), refusedByProvider.guestReason(), now);
                switch (outcome) {
                    case RefundOutcome.Refunded refunded -> {
                        if (refunded.justNow()) {
                            requireSameRefund(refundedByProvider, refunded.refund(), bookingId);
                            newRefund = refunded.refund();
                            changed = true;
                        }
                        given = refunded.refund().amount();
                    }
                    case RefundOutcome.Refused refused -> {
                        if (refused.justNow()) {
                            changed = true;
                            alerts.refundFailed(bookingId, refused.failure());
                        }
                        failed = refused.failure();
                    }
                    case RefundOutcome.NothingToRefund nothing ->
                        log.info(
                                "refund of {} for booking {} gives nothing back: {}",
                                requested,
                                bookingId,
                                nothing.why());
                }
                @Nullable Money newPenalty = null;
                // the penalty is the host's, owed whatever became of the guest's refund
                switch (intent.penalizeHost(penalty, now)) {
                    case PenaltyOutcome.Charged penalised -> {
                        if (penalised.justNow()) {
                            newPenalty = penalised.penalty();
                            changed = true;
                        }
                        charged = penalised.penalty();
                    }
                    case PenaltyOutcome.NoPenalty none -> {
                        if (penalty.isPositive()) {
                            log.warn(
                                    "host penalty of {} for booking {} not charged: {}",
                                    penalty,
                                    bookingId,
                                    none.why());
                        }
                    }
                }
                if (changed) {
                    intents.save(intent);
                }
                if (newRefund != null) {
                    postRefund(intent, newRefund, now);
                }
                if (newPenalty != null) {
                    ledger.post(JournalEntry.hostPenalty(bookingId, intent.hostId(), newPenalty, now));
                }
            }
            if (failed != null) {
                refundFailed(bookingId, failed);
                return;
            }
            reply(
                    bookingId,
                    PaymentRefunded.newBuilder()
                            .setBookingId(bookingId.toString())
                            .setAmount(wire(given))
                            .setHostPenalty(wire(charged))
                            .build());
        };
    }

    /**
     * The reply of a refund refused for good, whichever way it was asked for (a refund, a void, or a refund
     * the provider failed after accepting it, {@link ProviderWebhooks}): the booking's saga learns that the
     * money did not go back.
     */
    private void refundFailed(UUID bookingId, RefundFailure failure) {
        reply(bookingId, refundFailedReply(bookingId, failure));
    }

    static PaymentRefundFailed refundFailedReply(UUID bookingId, RefundFailure failure) {
        return PaymentRefundFailed.newBuilder()
                .setBookingId(bookingId.toString())
                .setAmount(wire(failure.requested()))
                .setCode(failure.code())
                .setReason(failure.providerReason())
                .build();
    }

    private void recordAuthorization(PaymentIntent intent, ProviderResult answer) {
        if (!intent.awaitsAuthorization()) {
            return;
        }
        Instant now = clock.instant();
        AuthorizationOutcome outcome =
                switch (answer) {
                    case ProviderResult.Approved approved -> intent.authorize(approved.providerRef(), now);
                    case ProviderResult.Declined declined ->
                        intent.decline(declined.code(), declined.guestReason(), now);
                    case ProviderResult.ProviderError error -> {
                        log.warn("payment provider unavailable for booking {}: {}", intent.bookingId(), error.detail());
                        yield intent.decline("processing_error", PROVIDER_UNAVAILABLE, now);
                    }
                };
        intents.save(intent);
        String tag =
                switch (outcome) {
                    case AuthorizationOutcome.Authorized authorized -> "authorized";
                    case AuthorizationOutcome.Declined declined ->
                        "processing_error".equals(declined.code()) ? "provider_unavailable" : "declined";
                    case AuthorizationOutcome.Pending pending -> "pending";
                };
        Counter.builder("couchannel.payment.authorizations")
                .description("payment authorizations decided, by outcome")
                .tag("outcome", tag)
                .register(meters)
                .increment();
    }

    private void postRefund(PaymentIntent intent, Refund refund, Instant now) {
        ledger.post(JournalEntry.refund(intent.bookingId(), intent.hostId(), refund.key(), refund.split(), now));
    }

    private void captureFailed(UUID bookingId, String reason) {
        reply(
                bookingId,
                PaymentCaptureFailed.newBuilder()
                        .setBookingId(bookingId.toString())
                        .setReason(reason)
                        .build());
    }

    private void reply(UUID bookingId, Message message) {
        replies.send(bookingId, message);
    }

    /** The provider's idempotency key of a booking's authorization: the booking id itself. */
    static String authorizationKey(UUID bookingId) {
        return bookingId.toString();
    }

    static String refundKey(UUID bookingId, Refund refund) {
        return bookingId + ":refund:" + refund.key();
    }

    private static String requireRef(PaymentIntent intent) {
        String ref = intent.providerRef();
        if (ref == null) {
            throw new IllegalStateException("payment of booking " + intent.bookingId() + " has no provider reference");
        }
        return ref;
    }

    /**
     * The provider's refusal for good, or null when it approved. A provider outage fails the message,
     * which is retried and, if it keeps failing, parked on the dead-letter topic for an operator.
     */
    private static ProviderResult.@Nullable Declined declinedOrApproved(
            ProviderResult answer, String operation, UUID bookingId) {
        return switch (answer) {
            case ProviderResult.Approved approved -> null;
            case ProviderResult.Declined declined -> declined;
            case ProviderResult.ProviderError error ->
                throw new IllegalStateException("payment provider unavailable to " + operation + " booking " + bookingId
                        + ": " + error.detail());
        };
    }

    private static void requireSameRefund(@Nullable Refund byProvider, Refund recorded, UUID bookingId) {
        if (byProvider == null || !byProvider.amount().equals(recorded.amount())) {
            throw new IllegalStateException("refund of booking " + bookingId + " changed while the provider refunded "
                    + (byProvider == null ? "nothing" : byProvider.amount()) + "; " + recorded.amount()
                    + " to record");
        }
    }

    private static UUID bookingId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("booking id " + value + " is not a UUID", e);
        }
    }

    private static Money money(dev.couchannel.contracts.common.v1.Money wire, String bookingId) {
        try {
            return Money.of(wire.getAmount(), wire.getCurrency());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new PoisonMessage(
                    "booking " + bookingId + ": " + wire.getAmount() + " " + wire.getCurrency() + " is not money", e);
        }
    }

    static dev.couchannel.contracts.common.v1.Money wire(Money money) {
        return WireMoney.of(money.amount(), money.currency());
    }
}
