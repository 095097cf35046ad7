package dev.couchannel.payment.intent.application;

import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.ledger.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Calls the payment provider, retrying transient errors with exponential backoff and jitter
 * ({@code couchannel.payment.provider-retry.attempts} tries in all). Safe because every call carries
 * an idempotency key. An adapter that throws is treated like a transient error. Counts every call
 * as {@code couchannel.payment.provider.calls} by operation and result.
 */
@Component
public class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final PaymentProvider provider;
    private final MeterRegistry meters;
    private final int attempts;
    private final Duration backoff;

    ProviderCalls(
            PaymentProvider provider,
            MeterRegistry meters,
            @Value("${couchannel.payment.provider-retry.attempts:3}") int attempts,
            @Value("${couchannel.payment.provider-retry.backoff:200ms}") Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("couchannel.payment.provider-retry.attempts must be at least 1");
        }
        this.provider = provider;
        this.meters = meters;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    ProviderResult authorize(String idempotencyKey, Money amount, String paymentMethod) {
        return withRetries(
                "authorize", idempotencyKey, () -> provider.authorize(idempotencyKey, amount, paymentMethod));
    }

    ProviderResult capture(String idempotencyKey, String providerRef, Money amount) {
        return withRetries("capture", idempotencyKey, () -> provider.capture(idempotencyKey, providerRef, amount));
    }

    ProviderResult voidAuthorization(String idempotencyKey, String providerRef) {
        return withRetries("void", idempotencyKey, () -> provider.voidAuthorization(idempotencyKey, providerRef));
    }

    ProviderResult refund(String idempotencyKey, String providerRef, Money amount) {
        return withRetries("refund", idempotencyKey, () -> provider.refund(idempotencyKey, providerRef, amount));
    }

    /** A transfer to a host's payout account (the payouts of ADR 18), retried like every call. */
    public ProviderResult payout(String idempotencyKey, String destination, Money amount) {
        return withRetries("payout", idempotencyKey, () -> provider.payout(idempotencyKey, destination, amount));
    }

    private ProviderResult withRetries(String operation, String idempotencyKey, Supplier<ProviderResult> call) {
        Duration pause = backoff;
        for (int attempt = 1; ; attempt++) {
            ProviderResult result;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                result = new ProviderResult.ProviderError(e.toString());
            }
            count(operation, result);
            if (!(result instanceof ProviderResult.ProviderError error) || attempt >= attempts) {
                return result;
            }
            log.warn(
                    "payment provider failed to {} {} (try {} of {}): {}",
                    operation,
                    idempotencyKey,
                    attempt,
                    attempts,
                    error.detail());
            pause(pause);
            pause = pause.multipliedBy(2);
        }
    }

    private void count(String operation, ProviderResult result) {
        String outcome =
                switch (result) {
                    case ProviderResult.Approved approved -> "approved";
                    case ProviderResult.Declined declined -> "declined";
                    case ProviderResult.ProviderError error -> "error";
                };
        Counter.builder("couchannel.payment.provider.calls")
                .description("calls to the payment provider")
                .tag("operation", operation)
                .tag("result", outcome)
                .register(meters)
                .increment();
    }

    private static void pause(Duration pause) {
        long millis = pause.toMillis();
        long jitter = millis <= 0 ? 0 : ThreadLocalRandom.current().nextLong(millis / 4 + 1);
        try {
            Thread.sleep(millis + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off from the payment provider", e);
        }
    }
}
