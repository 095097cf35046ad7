package dev.couchannel.payment.intent.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.stripe.RecordedStripe;
import dev.couchannel.payment.intent.stripe.StripePaymentProvider;
import dev.couchannel.payment.ledger.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries after a provider failure ask Stripe again under the same key, so they cannot charge twice. */
class ProviderCallsRetryTest {

    final RecordedStripe stripe = new RecordedStripe();
    final ProviderCalls calls = new ProviderCalls(
            new StripePaymentProvider(stripe.client(Duration.ofMillis(500))),
            new SimpleMeterRegistry(),
            3,
            Duration.ZERO);

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void everyRetryOfAnAuthorizationCarriesTheBookingsKey() {
        stripe.reply(500, "error_api_error.json").hang().reply(200, "payment_intent_requires_capture.json");

        ProviderResult result = calls.authorize("booking-42", Money.of("50.00", "EUR"), "pm_card_visa");

        assertThat(result).isEqualTo(new ProviderResult.Approved("pi_3QxTestAuthorized01"));
        assertThat(stripe.requests()).hasSize(3).allSatisfy(request -> assertThat(request.header("Idempotency-Key"))
                .isEqualTo("booking-42"));
    }

    @Test
    void aDeclineIsNotRetried() {
        stripe.reply(402, "error_card_declined.json");

        ProviderResult result = calls.authorize("booking-43", Money.of("50.00", "EUR"), "pm_card_visa");

        assertThat(result).isInstanceOf(ProviderResult.Declined.class);
        assertThat(stripe.requests()).hasSize(1);
    }
}
