package dev.couchannel.payment.intent.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.ledger.Money;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe adapter ({@code couchannel.payment.provider=stripe}), on stripe-java.
 *
 * <ul>
 *   <li>authorize: a PaymentIntent created with {@code capture_method=manual} and confirmed at once
 *       with the guest's payment method (no redirects: a card that needs 3-D Secure is declined);
 *   <li>capture: {@code POST /v1/payment_intents/{id}/capture} of the amount;
 *   <li>void: {@code POST /v1/payment_intents/{id}/cancel};
 *   <li>refund: {@code POST /v1/refunds} for the PaymentIntent;
 *   <li>payout: {@code POST /v1/transfers} of the amount to the host's connected account (Stripe
 *       Connect), out of the platform's balance.
 * </ul>
 *
 * <p>Every request carries our idempotency key as Stripe's {@code Idempotency-Key} header, so a
 * retried or redelivered command gets Stripe's first answer and never charges twice (Stripe keeps
 * keys for 24 hours; our retries come within minutes). stripe-java's own network retries are off:
 * the service retries with backoff itself, with the same key.
 *
 * <p>Card errors (HTTP 402 {@code card_error}) are declines with Stripe's guest-facing message;
 * invalid requests and a key reused with other parameters are declines too (asking again will not
 * help); HTTP 5xx, 429, authentication problems, timeouts and network failures are provider
 * errors, which may be retried.
 */
public class StripePaymentProvider implements PaymentProvider {

    /** Sentences for the guest, by Stripe decline code, when Stripe's own message is missing. */
    private static final Map<String, String> GUEST_REASONS = Map.of(
            "card_declined", "Your card was declined.",
            "insufficient_funds", "Your card has insufficient funds.",
            "expired_card", "Your card has expired.",
            "incorrect_cvc", "Your card's security code is incorrect.",
            "lost_card", "Your card was declined.",
            "stolen_card", "Your card was declined.",
            "authentication_required",
                    "Your card needs authentication, which is not supported yet; " + "please use another card.");

    /** The refund's metadata that carries our idempotency key ({@code <booking>:refund:<key>}). */
    public static final String REFUND_KEY_METADATA = "couchannel_key";

    /** Sentences for Stripe's definitive refund refusals. */
    private static final Map<String, String> REFUND_REASONS = Map.of(
            "charge_already_refunded", "The payment was already refunded in full at the payment provider.",
            "charge_disputed", "The guest disputed this payment with their bank; the dispute decides the refund.",
            "expired_card", "The card this booking was paid with has expired and can no longer receive refunds.");

    private final StripeClient stripe;

    public StripePaymentProvider(StripeClient stripe) {
        this.stripe = Objects.requireNonNull(stripe);
    }

    @Override
    public ProviderResult authorize(String idempotencyKey, Money amount, String paymentMethod) {
        PaymentIntentCreateParams params;
        try {
            params = PaymentIntentCreateParams.builder()
                    .setAmount(minorUnits(amount))
                    .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                    .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                    .setConfirm(true)
                    .setPaymentMethod(paymentMethod)
                    .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                            .setEnabled(true)
                            .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                            .build())
                    .putMetadata("couchannel_key", idempotencyKey)
                    .build();
        } catch (ArithmeticException e) {
            return new ProviderResult.Declined(
                    "invalid_amount", "The amount cannot be charged in " + amount.currency() + ".");
        }
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, keyed(idempotencyKey));
            return switch (intent.getStatus()) {
                case "requires_capture" -> new ProviderResult.Approved(intent.getId());
                case "requires_action" ->
                    new ProviderResult.Declined(
                            "authentication_required", GUEST_REASONS.get("authentication_required"));
                default ->
                    new ProviderResult.ProviderError("Stripe left PaymentIntent " + intent.getId() + " in status "
                            + intent.getStatus() + " instead of requires_capture");
            };
        } catch (StripeException e) {
            return failure(e);
        }
    }

    @Override
    public ProviderResult capture(String idempotencyKey, String providerRef, Money amount) {
        try {
            PaymentIntentCaptureParams params = PaymentIntentCaptureParams.builder()
                    .setAmountToCapture(minorUnits(amount))
                    .build();
            PaymentIntent intent = stripe.v1().paymentIntents().capture(providerRef, params, keyed(idempotencyKey));
            return new ProviderResult.Approved(intent.getId());
        } catch (StripeException e) {
            return alreadyIn(providerRef, "succeeded", e);
        }
    }

    @Override
    public ProviderResult voidAuthorization(String idempotencyKey, String providerRef) {
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().cancel(providerRef, keyed(idempotencyKey));
            return new ProviderResult.Approved(intent.getId());
        } catch (StripeException e) {
            return alreadyIn(providerRef, "canceled", e);
        }
    }

    @Override
    public ProviderResult refund(String idempotencyKey, String providerRef, Money amount) {
        try {
            RefundCreateParams params = RefundCreateParams.builder()
                    .setPaymentIntent(providerRef)
                    .setAmount(minorUnits(amount))
                    // a refund that fails later comes back in a webhook: this says which of ours it was
                    .putMetadata(REFUND_KEY_METADATA, idempotencyKey)
                    .build();
            com.stripe.model.Refund refund = stripe.v1().refunds().create(params, keyed(idempotencyKey));
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                return new ProviderResult.Declined(
                        "refund_" + refund.getStatus(),
                        "Stripe could not give the money back (" + refund.getId() + ").");
            }
            return new ProviderResult.Approved(refund.getId());
        } catch (StripeException e) {
            return refundFailure(e);
        }
    }

    @Override
    public ProviderResult payout(String idempotencyKey, String destination, Money amount) {
        TransferCreateParams params;
        try {
            params = TransferCreateParams.builder()
                    .setAmount(minorUnits(amount))
                    .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                    .setDestination(destination)
                    .putMetadata("couchannel_key", idempotencyKey)
                    .build();
        } catch (ArithmeticException e) {
            return new ProviderResult.Declined(
                    "invalid_amount", "The amount cannot be transferred in " + amount.currency() + ".");
        }
        try {
            Transfer transfer = stripe.v1().transfers().create(params, keyed(idempotencyKey));
            return new ProviderResult.Approved(transfer.getId());
        } catch (StripeException e) {
            return failure(e);
        }
    }

    /**
     * A capture or cancel refused because the PaymentIntent is no longer in the state for it
     * (asked again after Stripe forgot the key): done if it is already where we wanted it.
     */
    private ProviderResult alreadyIn(String providerRef, String wanted, StripeException refusal) {
        ProviderResult failure = failure(refusal);
        if (!(refusal instanceof InvalidRequestException)
                || !"payment_intent_unexpected_state".equals(refusal.getCode())) {
            return failure;
        }
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(providerRef);
            return wanted.equals(intent.getStatus()) ? new ProviderResult.Approved(intent.getId()) : failure;
        } catch (StripeException e) {
            return failure(e);
        }
    }

    /**
     * A refund refused for good (an invalid request such as {@code charge_already_refunded} or
     * {@code charge_disputed}, a card error) is a decline with a sentence an operator and the guest
     * can read; what may be retried stays a provider error.
     */
    static ProviderResult refundFailure(StripeException e) {
        ProviderResult failure = failure(e);
        if (!(failure instanceof ProviderResult.Declined declined) || e instanceof IdempotencyException) {
            return failure;
        }
        String known = REFUND_REASONS.get(declined.code());
        if (known != null) {
            return new ProviderResult.Declined(declined.code(), known);
        }
        String message = e.getStripeError() == null ? null : e.getStripeError().getMessage();
        return new ProviderResult.Declined(
                declined.code(),
                message == null || message.isBlank()
                        ? "The payment provider refused the refund (" + declined.code() + ")."
                        : "The payment provider refused the refund: " + message);
    }

    static ProviderResult failure(StripeException e) {
        return switch (e) {
            case CardException card -> {
                String code = declineCode(card.getDeclineCode(), card.getCode());
                yield new ProviderResult.Declined(
                        code,
                        guestReason(
                                code,
                                card.getStripeError() == null
                                        ? null
                                        : card.getStripeError().getMessage()));
            }
            case IdempotencyException reused ->
                new ProviderResult.Declined(
                        "idempotency_key_reused", "This payment was already requested with different details.");
            case InvalidRequestException invalid
            when isClientError(invalid) ->
                new ProviderResult.Declined(
                        invalid.getCode() == null ? "invalid_request" : invalid.getCode(),
                        "The payment could not be processed; please try another payment method.");
            case ApiConnectionException network ->
                new ProviderResult.ProviderError("Stripe unreachable: " + network.getMessage());
            default ->
                new ProviderResult.ProviderError("Stripe " + e.getClass().getSimpleName() + " (HTTP "
                        + e.getStatusCode() + ", request " + e.getRequestId() + "): " + e.getMessage());
        };
    }

    private static boolean isClientError(StripeException e) {
        Integer status = e.getStatusCode();
        return status != null && status >= 400 && status < 500 && status != 429;
    }

    /** Stripe says {@code card_declined} with a more telling decline code, unless that is {@code generic_decline}. */
    private static String declineCode(@Nullable String declineCode, @Nullable String code) {
        if (declineCode != null && !declineCode.isBlank() && !"generic_decline".equals(declineCode)) {
            return declineCode;
        }
        return code == null || code.isBlank() ? "card_declined" : code;
    }

    private static String guestReason(String code, @Nullable String stripeMessage) {
        if (stripeMessage != null && !stripeMessage.isBlank()) {
            return stripeMessage;
        }
        return GUEST_REASONS.getOrDefault(code, "Your card was declined.");
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** Stripe counts in the currency's smallest unit: cents for EUR, yen for JPY. */
    static long minorUnits(Money amount) {
        return amount.amount()
                .movePointRight(amount.currency().getDefaultFractionDigits())
                .stripTrailingZeros()
                .longValueExact();
    }
}
