package dev.couchannel.platform.service;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds {@code couchannel-service-defaults.properties} to every couchannel service, so that probes,
 * metrics, tracing, JSON logs and problem details are configured the same way everywhere without
 * each service repeating them.
 */
public final class ServiceDefaults extends DefaultsFromClasspath {

    public ServiceDefaults() {
        super("couchannelServiceDefaults", "couchannel-service-defaults.properties");
    }

    /** ECS JSON by default; {@code COUCHANNEL_LOG_FORMAT=plain} gives Boot's human console format. */
    @Override
    protected void afterDefaultsAdded(ConfigurableEnvironment environment) {
        String format = environment.getProperty("COUCHANNEL_LOG_FORMAT", "ecs");
        String structured = "plain".equalsIgnoreCase(format) ? "" : format;
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "couchannelLogFormat", Map.of("logging.structured.format.console", structured)));
    }
}
