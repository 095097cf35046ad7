package dev.couchannel.search;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sessions read model (CQRS): built only from inventory, hosting and review events, kept in OpenSearch, answering
 * {@code GET /api/search/sessions}.
 */
@SpringBootApplication
public class SearchApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the service with its own config file, {@code search.yml}: in the launcher every service runs in the same
     * JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(SearchApplication.class)
                .properties("spring.config.name=search")
                .run(args);
    }
}
