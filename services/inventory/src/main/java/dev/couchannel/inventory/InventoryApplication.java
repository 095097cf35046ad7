package dev.couchannel.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fixtures calendar, viewing sessions and their seats. */
@SpringBootApplication
@EnableScheduling
public class InventoryApplication {

    /** The service's config file is {@code inventory.yml}: services may share one JVM and classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(InventoryApplication.class).properties("spring.config.name=inventory");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
