package dev.couchannel.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ServiceClockTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-28T20:00:00Z"), ZoneOffset.UTC);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceClockAutoConfiguration.class));

    @AfterEach
    void backToRealTime() {
        ServiceClock.use(Clock.systemUTC());
    }

    @Test
    void aServiceDecidesByTheSharedClockSetBeforeItStarts() {
        ServiceClock.use(FIXED);

        contexts.run(context ->
                assertThat(context.getBean(Clock.class).instant()).isEqualTo(Instant.parse("2026-11-28T20:00:00Z")));
    }

    @Test
    void withoutASharedClockItIsTheSystems() {
        contexts.run(
                context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC));
        contexts.run(context -> assertThat(context.getBean(Clock.class).instant())
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5)));
    }

    @Test
    void aServiceWithAClockOfItsOwnKeepsIt() {
        ServiceClock.use(FIXED);

        contexts.withUserConfiguration(OwnClock.class)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(OwnClock.OWN));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClock {

        static final Clock OWN = Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1));

        @Bean
        Clock clock() {
            return OWN;
        }
    }
}
