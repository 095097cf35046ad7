package dev.couchannel.booking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Bookings and the booking saga that orchestrates inventory (and, later, pricing, compliance, payment). */
@SpringBootApplication
@EnableScheduling
public class BookingApplication {

    /** The service's config file is {@code booking.yml}: services may share one JVM and classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BookingApplication.class).properties("spring.config.name=booking");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
