package dev.couchannel.payment.intent.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import dev.couchannel.payment.intent.ProviderEvent;
import dev.couchannel.payment.intent.WebhookSecret;
import dev.couchannel.payment.intent.sandbox.SandboxWebhooks;
import dev.couchannel.payment.ledger.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Stripe's signature scheme, as stripe-java signs it and as the sandbox signs it, read into our events. */
class SignedEventsTest {

    static final Instant NOW = Instant.parse("2026-05-01T18:00:00Z");
    static final WebhookSecret STRIPE = new WebhookSecret("stripe", "whsec_test_contract");

    final SignedEvents events = new SignedEvents(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    @Test
    void aStripeEventSignedByStripeJavaIsReadInOurWords() throws Exception {
        String payload = """
                {"id":"evt_1","object":"event","type":"payment_intent.payment_failed","data":{"object":{
                "id":"pi_1","object":"payment_intent","last_payment_error":{"type":"card_error",
                "code":"card_declined","decline_code":"insufficient_funds",
                "message":"Your card has insufficient funds."}}}}""";
        String header = Webhook.Signature.generateSignatureHeader(payload, STRIPE.secret(), NOW.getEpochSecond());

        ProviderEvent event = events.verify(payload, header, STRIPE);

        assertThat(event)
                .isEqualTo(new ProviderEvent.Failed(
                        "evt_1",
                        "payment_intent.payment_failed",
                        "pi_1",
                        "insufficient_funds",
                        "Your card has insufficient funds."));
    }

    @Test
    void theSandboxSignsExactlyLikeStripe() throws Exception {
        SandboxWebhooks.SignedWebhook webhook = new SandboxWebhooks(STRIPE.secret(), Clock.fixed(NOW, ZoneOffset.UTC))
                .chargeRefunded("evt_2", "ch_1", Money.of("30.00", "EUR"), Money.of("12.50", "EUR"));

        assertThat(webhook.signature())
                .isEqualTo(Webhook.Signature.generateSignatureHeader(
                        webhook.payload(), STRIPE.secret(), NOW.getEpochSecond()));
        assertThat(events.verify(webhook.payload(), webhook.signature(), STRIPE))
                .isEqualTo(new ProviderEvent.Refunded("evt_2", "charge.refunded", "ch_1", Money.of("12.50", "EUR")));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        SandboxWebhooks.SignedWebhook webhook = new SandboxWebhooks("whsec_other", Clock.fixed(NOW, ZoneOffset.UTC))
                .paymentIntentEvent("evt_3", "payment_intent.succeeded", "pi_1", Money.of("1.00", "EUR"));

        assertThatThrownBy(() -> events.verify(webhook.payload(), webhook.signature(), STRIPE))
                .isInstanceOf(SignedEvents.Rejected.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aRefundStripeFailsAfterAcceptingItIsReadWithOurKeyAndASentenceAPersonCanRead() throws Exception {
        String payload = RecordedStripeEvents.refundFailedLater("evt_4", "pi_1", "b-1:refund:r-1", 2000, NOW);
        String header = Webhook.Signature.generateSignatureHeader(payload, STRIPE.secret(), NOW.getEpochSecond());

        ProviderEvent event = events.verify(payload, header, STRIPE);

        assertThat(event)
                .isEqualTo(new ProviderEvent.RefundFailed(
                        "evt_4",
                        "charge.refund.updated",
                        "pi_1",
                        "b-1:refund:r-1",
                        "re_3QxTestRefundLate01",
                        "expired_or_canceled_card",
                        "The card this booking was paid with has expired or was cancelled, so the refund could not "
                                + "reach it."));
    }

    @Test
    void aRefundUpdateThatIsNoFailureIsIgnored() throws Exception {
        String payload = RecordedStripeEvents.refundFailedLater("evt_5", "pi_1", "b-1:refund:r-1", 2000, NOW)
                .replace("\"status\": \"failed\"", "\"status\": \"succeeded\"");
        String header = Webhook.Signature.generateSignatureHeader(payload, STRIPE.secret(), NOW.getEpochSecond());

        assertThat(events.verify(payload, header, STRIPE))
                .isEqualTo(new ProviderEvent.Unhandled("evt_5", "charge.refund.updated"));
    }
}
