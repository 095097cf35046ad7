package dev.couchannel.payment.intent.sandbox;

import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes the sandbox the payment provider unless {@code couchannel.payment.provider} names another. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "couchannel.payment.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxConfiguration {

    @Bean
    PaymentProvider sandboxPaymentProvider(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${couchannel.payment.sandbox.slow-delay:10s}") Duration slowDelay) {
        // its own transactions: a provider's books never join the caller's
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SandboxPaymentProvider(jdbc, transactions, clock, slowDelay);
    }

    /** The sandbox signs its webhooks like Stripe does, with a local secret, so they take the same checks. */
    @Bean
    WebhookSecret sandboxWebhookSecret(
            @Value("${couchannel.payment.sandbox.webhook-secret:whsec_sandbox_local_only}") String secret) {
        return new WebhookSecret(SandboxWebhooks.PROVIDER, secret);
    }
}
