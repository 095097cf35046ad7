package dev.couchannel.payment.intent.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.couchannel.payment.intent.ProviderEvent;
import dev.couchannel.payment.intent.WebhookSecret;
import dev.couchannel.payment.ledger.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a webhook's {@code Stripe-Signature} ({@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.payload">}, within a tolerance) with stripe-java's {@link Webhook#constructEvent}, and reads
 * the event in our words. Stripe and the sandbox take this same path; only their secrets differ.
 *
 * <p>The event's object is read from its raw JSON rather than stripe-java's typed model, so an
 * event of another Stripe API version than stripe-java's still reads.
 */
final class SignedEvents {

    /** A webhook that cannot be accepted; {@code getMessage()} tells the sender what to fix. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final Duration tolerance;

    SignedEvents(Clock clock, Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    ProviderEvent verify(String payload, @Nullable String signature, WebhookSecret secret) throws Rejected {
        if (signature == null || signature.isBlank()) {
            throw new Rejected("The Stripe-Signature header is missing; sign the payload as "
                    + "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<payload>\"> with the webhook secret.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret.secret(), tolerance.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new Rejected("The Stripe-Signature header does not verify (" + e.getMessage()
                    + "): it must be signed with the " + secret.provider() + " webhook secret within "
                    + tolerance.toMinutes() + " minutes of its timestamp.");
        } catch (RuntimeException e) {
            // stripe-java reads the verified payload with Gson, which throws its own unchecked exceptions
            throw new Rejected("The payload is not a JSON event object.");
        }
        if (event == null || isBlank(event.getId()) || isBlank(event.getType())) {
            throw new Rejected("The event has no id or no type.");
        }
        return read(event);
    }

    private static ProviderEvent read(Event event) throws Rejected {
        String id = event.getId();
        String type = event.getType();
        JsonNode object = object(event);
        return switch (type) {
            case "payment_intent.succeeded" -> new ProviderEvent.Captured(id, type, required(object, "id"));
            case "payment_intent.canceled" -> new ProviderEvent.Released(id, type, required(object, "id"));
            case "payment_intent.payment_failed" -> {
                JsonNode error = object.path("last_payment_error");
                String declineCode = text(error, "decline_code");
                String code = declineCode != null && !"generic_decline".equals(declineCode)
                        ? declineCode
                        : orElse(text(error, "code"), "card_declined");
                yield new ProviderEvent.Failed(
                        id,
                        type,
                        required(object, "id"),
                        code,
                        orElse(text(error, "message"), "Your card was declined."));
            }
            case "charge.refunded" ->
                new ProviderEvent.Refunded(
                        id,
                        type,
                        required(object, "payment_intent"),
                        money(required(object, "amount_refunded"), required(object, "currency")));
            case "charge.refund.updated", "refund.updated", "refund.failed" -> {
                String status = text(object, "status");
                if (!"failed".equals(status) && !"canceled".equals(status)) {
                    // pending or succeeded: our books already say refunded
                    yield new ProviderEvent.Unhandled(id, type);
                }
                String refundRef = required(object, "id");
                String failureReason = text(object, "failure_reason");
                String code = failureReason == null ? "refund_" + status : failureReason;
                yield new ProviderEvent.RefundFailed(
                        id,
                        type,
                        required(object, "payment_intent"),
                        text(object.path("metadata"), "couchannel_key"),
                        refundRef,
                        code,
                        REFUND_FAILURES.getOrDefault(
                                code,
                                "The payment provider could not give the money back (" + refundRef + ", " + code
                                        + ")."));
            }
            default -> new ProviderEvent.Unhandled(id, type);
        };
    }

    /** Sentences for Stripe's reasons of a refund that failed after it was accepted. */
    static final java.util.Map<String, String> REFUND_FAILURES = java.util.Map.of(
            "expired_or_canceled_card",
            "The card this booking was paid with has expired or was cancelled, so the refund could not reach it.",
            "lost_or_stolen_card",
            "The card this booking was paid with was reported lost or stolen, so the refund could not reach it.",
            "declined",
            "The guest's bank declined the refund.",
            "insufficient_funds",
            "The payment provider's balance could not cover the refund.",
            "charge_for_pending_refund_disputed",
            "The guest disputed the payment while the refund was pending; the dispute decides the money.");

    private static JsonNode object(Event event) throws Rejected {
        String raw;
        try {
            raw = event.getDataObjectDeserializer().getRawJson();
        } catch (RuntimeException e) {
            throw new Rejected("The event has no data.object.");
        }
        try {
            JsonNode object = raw == null ? null : JSON.readTree(raw);
            if (object == null || !object.isObject()) {
                throw new Rejected("The event has no data.object.");
            }
            return object;
        } catch (JacksonException e) {
            throw new Rejected("The event's data.object is not JSON.");
        }
    }

    private static Money money(String minorUnits, String currencyCode) throws Rejected {
        try {
            Currency currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
            BigDecimal amount = new BigDecimal(minorUnits).movePointLeft(currency.getDefaultFractionDigits());
            return new Money(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Rejected(minorUnits + " " + currencyCode + " is not an amount in minor units of a currency.");
        }
    }

    private static String required(JsonNode object, String field) throws Rejected {
        String value = text(object, field);
        if (value == null) {
            throw new Rejected("The event's data.object has no " + field + ".");
        }
        return value;
    }

    private static @Nullable String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static String orElse(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
