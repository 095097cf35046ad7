package dev.couchannel.booking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Bookings and the booking saga that orchestrates inventory (and, later, pricing, compliance, payment). */
@SpringBootApplication
@EnableScheduling
public class BookingApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code booking.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(BookingApplication.class)
                .properties("spring.config.name=booking")
                .run(args);
    }
}
