package dev.couchannel.platform.service;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Every service's {@code Clock}: {@link ServiceClock#current()} unless the service (or a test) brings its own. */
@AutoConfiguration
public class ServiceClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return ServiceClock.current();
    }
}
