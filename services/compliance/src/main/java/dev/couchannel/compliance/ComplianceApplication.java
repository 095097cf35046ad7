package dev.couchannel.compliance;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Broadcasting and public-viewing rules, as versioned data, and the verdicts they give. */
@SpringBootApplication
public class ComplianceApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code compliance.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ComplianceApplication.class)
                .properties("spring.config.name=compliance")
                .run(args);
    }
}
