package dev.couchannel.recommendation;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Sessions for you": a Kafka Streams topology over session, venue and booking events keeps each
 * guest's taste (favourite teams and hosts), who booked which host (co-booking) and how popular each
 * session is; a REST endpoint ranks the upcoming sessions from those stores (ADR 21).
 */
@SpringBootApplication
public class RecommendationApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code recommendation.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(RecommendationApplication.class)
                .properties("spring.config.name=recommendation")
                .run(args);
    }
}
