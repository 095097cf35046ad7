package dev.couchannel.pricing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Price quotes with expiry and the price locks of the booking saga. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PricingApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code pricing.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(PricingApplication.class)
                .properties("spring.config.name=pricing")
                .run(args);
    }
}
