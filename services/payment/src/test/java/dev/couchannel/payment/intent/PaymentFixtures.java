package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.PlatformFee;
import java.time.Instant;
import java.util.UUID;

/** Payment intents in the states a test starts from. */
final class PaymentFixtures {

    static final Instant NOW = Instant.parse("2026-05-01T18:00:00Z");
    static final PlatformFee TEN_PERCENT = PlatformFee.percent("10");

    private PaymentFixtures() {}

    static PaymentIntent pendingPayment(Money amount) {
        return PaymentIntent.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "guest@example.com",
                "host-1",
                "session-1",
                amount,
                "pm_card_visa",
                NOW);
    }

    static PaymentIntent pendingPayment() {
        return pendingPayment(Money.of("100.00", "EUR"));
    }

    static PaymentIntent authorizedPayment(Money amount) {
        PaymentIntent intent = pendingPayment(amount);
        intent.authorize("ch_sandbox_1", NOW);
        return intent;
    }

    static PaymentIntent authorizedPayment() {
        return authorizedPayment(Money.of("100.00", "EUR"));
    }

    static PaymentIntent capturedPayment() {
        PaymentIntent intent = authorizedPayment();
        intent.capture(TEN_PERCENT, NOW);
        return intent;
    }
}
