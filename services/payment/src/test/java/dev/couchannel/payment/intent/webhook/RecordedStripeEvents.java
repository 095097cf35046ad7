package dev.couchannel.payment.intent.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Stripe events as Stripe sends them (recorded by hand from Stripe's documented shapes, in
 * {@code src/test/resources/stripe/event_*.json}), with the ids of the test's own payment filled in.
 */
final class RecordedStripeEvents {

    private RecordedStripeEvents() {}

    /**
     * {@code charge.refund.updated}: a refund Stripe accepted (pending) failed later,
     * {@code failure_reason: expired_or_canceled_card}.
     */
    static String refundFailedLater(
            String eventId, String paymentIntent, String couchannelKey, long amountMinor, Instant created) {
        return read("stripe/event_charge_refund_updated_failed.json")
                .replace("{{event_id}}", eventId)
                .replace("{{payment_intent}}", paymentIntent)
                .replace("{{couchannel_key}}", couchannelKey)
                .replace("{{amount_minor}}", Long.toString(amountMinor))
                .replace("{{created}}", Long.toString(created.getEpochSecond()));
    }

    private static String read(String resource) {
        try (InputStream in = Objects.requireNonNull(
                RecordedStripeEvents.class.getClassLoader().getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
