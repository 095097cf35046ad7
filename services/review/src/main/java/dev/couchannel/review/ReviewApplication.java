package dev.couchannel.review;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Reviews of attended sessions and the venues' ratings, event-sourced (ADR 16). */
@SpringBootApplication
public class ReviewApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code review.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ReviewApplication.class)
                .properties("spring.config.name=review")
                .run(args);
    }
}
