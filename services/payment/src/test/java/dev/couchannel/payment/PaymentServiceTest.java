package dev.couchannel.payment;

import dev.couchannel.platform.testing.TestClock;
import dev.couchannel.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payment service on the test JVM's PostgreSQL and Kafka. Integration tests extend it so they
 * share one application context (and one consumer of the payment commands). Time is the shared
 * {@link TestClock}, which payout tests move forward.
 */
@SpringBootTest(
        classes = {PaymentApplication.class, TestClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=payment",
            "couchannel.payment.sandbox.slow-delay=1500ms",
            "couchannel.payment.provider-retry.backoff=20ms",
            "couchannel.payment.payouts.poll-interval=300ms"
        })
public abstract class PaymentServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "payment");
    }
}
