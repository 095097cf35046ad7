package dev.couchannel.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public edge of couchannel: checks bearer tokens and the operation's scopes, signs the web
 * app in (BFF, tokens kept in a Redis session), limits request rates, routes {@code /api/**} to
 * the services and identity's pages to identity, serves the OpenAPI document and adds security
 * headers to every response.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the gateway with its own config file, {@code gateway.yml}: in the launcher every
     * service runs in the same JVM, so none of them may read a shared {@code application.yml}.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway")
                .run(args);
    }
}
