package dev.couchannel.identity;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
     * Lockouts, throttling delays, link expiry and reputation's "now" read this clock (tests move it). Only when
     * none is given: the launcher's end-to-end test puts one shared clock into every service (issue 8).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
