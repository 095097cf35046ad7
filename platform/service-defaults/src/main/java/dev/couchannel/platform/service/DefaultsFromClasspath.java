package dev.couchannel.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds a classpath properties file as the lowest-priority property source, so a platform library
 * can ship defaults that a service's own config, the environment or the command line override.
 */
public abstract class DefaultsFromClasspath implements EnvironmentPostProcessor, Ordered {

    private final String sourceName;
    private final String resource;

    protected DefaultsFromClasspath(String sourceName, String resource) {
        this.sourceName = sourceName;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(sourceName)) {
            return;
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(sourceName, new ClassPathResource(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is missing from the classpath", e);
        }
        afterDefaultsAdded(environment);
    }

    /** Hook for defaults that depend on other properties. */
    protected void afterDefaultsAdded(ConfigurableEnvironment environment) {}

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
