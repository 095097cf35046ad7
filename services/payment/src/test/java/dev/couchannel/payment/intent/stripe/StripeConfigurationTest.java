package dev.couchannel.payment.intent.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.WebhookSecret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code couchannel.payment.provider=stripe} selects Stripe, configured from the environment, or fails fast. */
class StripeConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            // as in the running service: "5s" binds to a Duration
            .withInitializer(
                    app -> app.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(StripeConfiguration.class);

    @Test
    void stripeIsTheProviderWhenSelectedAndConfigured() {
        context.withPropertyValues(
                        "couchannel.payment.provider=stripe",
                        "couchannel.payment.stripe.api-key=sk_test_123",
                        "couchannel.payment.stripe.webhook-secret=whsec_123")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app.getBean(PaymentProvider.class)).isInstanceOf(StripePaymentProvider.class);
                    assertThat(app.getBean(WebhookSecret.class).provider()).isEqualTo("stripe");
                });
    }

    @Test
    void withoutAnApiKeyTheServiceRefusesToStartAndSaysWhatIsMissing() {
        context.withPropertyValues(
                        "couchannel.payment.provider=stripe", "couchannel.payment.stripe.webhook-secret=whsec_123")
                .run(app ->
                        assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("STRIPE_API_KEY"));
    }

    @Test
    void withoutAWebhookSecretTheServiceRefusesToStart() {
        context.withPropertyValues("couchannel.payment.provider=stripe", "couchannel.payment.stripe.api-key=sk_test_1")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("STRIPE_WEBHOOK_SECRET"));
    }

    @Test
    void theSandboxStaysTheDefault() {
        context.run(app -> assertThat(app).doesNotHaveBean(PaymentProvider.class));
    }
}
