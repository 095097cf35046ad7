package dev.couchannel.gateway.ratelimit;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two rate-limit filters, on either side of Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class RateLimitFilters {

    @Bean
    FilterRegistrationBean<RateLimits.PerClientAddress> rateLimitPerClientAddress(
            Buckets buckets, RateLimitProperties limits) {
        FilterRegistrationBean<RateLimits.PerClientAddress> registration =
                new FilterRegistrationBean<>(new RateLimits.PerClientAddress(buckets, limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimits.PerUser> rateLimitPerUser(Buckets buckets, RateLimitProperties limits) {
        FilterRegistrationBean<RateLimits.PerUser> registration =
                new FilterRegistrationBean<>(new RateLimits.PerUser(buckets, limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
