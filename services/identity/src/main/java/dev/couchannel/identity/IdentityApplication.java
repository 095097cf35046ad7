package dev.couchannel.identity;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The OIDC provider: users, passwords, passkeys, login throttling, signing keys and access tokens (ADR 12). */
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

    /**
     * Lockouts, throttling delays, link expiry and key rotation all read this clock (tests move it). Identity keeps
     * its own rather than the stack's shared {@code ServiceClock}: the tokens it signs are judged by every reader's
     * wall clock, so a stack test that moves time forward must not move their issue times with it.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
