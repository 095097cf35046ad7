package dev.couchannel.payment.intent.sandbox;

import dev.couchannel.payment.ledger.Money;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's webhooks: events shaped like Stripe's ({@code {"id": "evt_...", "type": ...,
 * "data": {"object": ...}}}), signed like Stripe's ({@code Stripe-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.payload">}) with the sandbox's local secret, so that they go
 * through the very checks Stripe's webhooks go through at {@code POST /api/payments/webhooks/sandbox}.
 *
 * <p>The sandbox answers every call synchronously, so it has nothing to tell later by itself:
 * these events are for tests, demos and operators who want to replay what a provider would send
 * (a charge captured or released at the provider, a refund made in its dashboard).
 */
public final class SandboxWebhooks {

    /** The sandbox's name in the webhook URL. */
    public static final String PROVIDER = "sandbox";

    /** A webhook ready to send: the body and its {@code Stripe-Signature} header. */
    public record SignedWebhook(String payload, String signature) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String secret;
    private final Clock clock;

    public SandboxWebhooks(String secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code payment_intent.succeeded}, {@code .canceled}: something happened to a sandbox charge. */
    public SignedWebhook paymentIntentEvent(String eventId, String type, String chargeId, Money amount) {
        return event(eventId, type, paymentIntent(chargeId, amount, null, null));
    }

    /** {@code payment_intent.payment_failed}: the charge was refused. */
    public SignedWebhook paymentFailed(String eventId, String chargeId, Money amount, String code, String message) {
        return event(eventId, "payment_intent.payment_failed", paymentIntent(chargeId, amount, code, message));
    }

    /** {@code charge.refunded}: the provider has now refunded {@code refundedInTotal} of the charge. */
    public SignedWebhook chargeRefunded(String eventId, String chargeId, Money captured, Money refundedInTotal) {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "py_" + chargeId);
        charge.put("object", "charge");
        charge.put("amount", minorUnits(captured));
        charge.put("amount_captured", minorUnits(captured));
        charge.put("amount_refunded", minorUnits(refundedInTotal));
        charge.put("currency", currency(captured));
        charge.put("payment_intent", chargeId);
        charge.put("refunded", refundedInTotal.equals(captured));
        return event(eventId, "charge.refunded", charge);
    }

    /** Any event (for types the service ignores). */
    public SignedWebhook event(String eventId, String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2025-09-30.clover");
        event.put("created", clock.instant().getEpochSecond());
        event.put("livemode", false);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return sign(JSON.writeValueAsString(event));
    }

    /** Signs {@code payload} now. */
    public SignedWebhook sign(String payload) {
        long timestamp = clock.instant().getEpochSecond();
        return new SignedWebhook(payload, "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static Map<String, Object> paymentIntent(
            String chargeId, Money amount, @Nullable String code, @Nullable String message) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", chargeId);
        intent.put("object", "payment_intent");
        intent.put("amount", minorUnits(amount));
        intent.put("currency", currency(amount));
        intent.put("capture_method", "manual");
        if (code != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "card_error");
            error.put("code", code);
            error.put("message", message);
            intent.put("last_payment_error", error);
        }
        return intent;
    }

    private static long minorUnits(Money amount) {
        return amount.amount()
                .movePointRight(amount.currency().getDefaultFractionDigits())
                .longValueExact();
    }

    private static String currency(Money amount) {
        return amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }
}
