package dev.couchannel.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The OIDC provider: users, passwords, passkeys, login throttling, signing keys and access tokens (ADR 12), and
 * reputation (ADR 20). Its {@code Clock} is the stack's ({@code ServiceClock}); the tokens it signs carry real time.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IdentityApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code identity.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(IdentityApplication.class)
                .properties("spring.config.name=identity")
                .run(args);
    }
}
