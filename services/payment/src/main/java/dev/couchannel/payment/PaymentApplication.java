package dev.couchannel.payment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Payment intents behind a provider port (the sandbox by default), the double-entry ledger and host payouts. */
@SpringBootApplication
@EnableScheduling
public class PaymentApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code payment.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(PaymentApplication.class)
                .properties("spring.config.name=payment")
                .run(args);
    }
}
