package dev.couchannel.payment.intent.stripe;

import com.stripe.StripeClient;
import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.WebhookSecret;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Stripe the payment provider when {@code couchannel.payment.provider=stripe}. The secrets
 * come from the environment only ({@code STRIPE_API_KEY}, {@code STRIPE_WEBHOOK_SECRET}); the
 * service refuses to start without them rather than fail on the first booking.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "couchannel.payment.provider", havingValue = "stripe")
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(
            @Value("${couchannel.payment.stripe.api-key:}") String apiKey,
            @Value("${couchannel.payment.stripe.api-base:https://api.stripe.com}") String apiBase,
            @Value("${couchannel.payment.stripe.connect-timeout:5s}") Duration connectTimeout,
            @Value("${couchannel.payment.stripe.read-timeout:20s}") Duration readTimeout) {
        if (apiKey.isBlank()) {
            throw new IllegalStateException(
                    "couchannel.payment.provider=stripe needs STRIPE_API_KEY (a secret key, sk_test_... or sk_live_...)");
        }
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(apiBase)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                // the service retries itself, with backoff and the same idempotency key
                .setMaxNetworkRetries(0)
                .build();
    }

    @Bean
    PaymentProvider stripePaymentProvider(StripeClient stripe) {
        return new StripePaymentProvider(stripe);
    }

    @Bean
    WebhookSecret stripeWebhookSecret(@Value("${couchannel.payment.stripe.webhook-secret:}") String secret) {
        if (secret.isBlank()) {
            throw new IllegalStateException(
                    "couchannel.payment.provider=stripe needs STRIPE_WEBHOOK_SECRET (whsec_..., from the webhook endpoint)");
        }
        return new WebhookSecret("stripe", secret);
    }
}
