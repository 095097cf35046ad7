package dev.couchannel.platform.service;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Web defaults of every couchannel service: problem+json for every error path, a request size
 * limit ({@code couchannel.http.max-request-bytes}, 1 MiB unless a service says otherwise) and the
 * access-token check of ADR 12 ({@code couchannel.security.*}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemResponses.class, ProblemErrorController.class})
@EnableConfigurationProperties(AccessTokenProperties.class)
public class ServiceDefaultsAutoConfiguration {

    /** The access-token check of ADR 12; a service (the gateway) may bring its own decoder. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder accessTokenDecoder(AccessTokenProperties properties) {
        return AccessTokens.decoder(properties);
    }

    /**
     * The token check of a plain service. A service that runs Spring Security's filter chain (identity, the
     * gateway: {@code couchannel.spring-security.enabled}) checks tokens there, with the same decoder.
     */
    @Bean
    @ConditionalOnProperty(name = "couchannel.spring-security.enabled", havingValue = "false", matchIfMissing = true)
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(JwtDecoder decoder) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(decoder));
        // after the size limit, before anything that reads the caller
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * The size limit; {@code couchannel.http.max-request-bytes-by-path} gives paths a limit of their own (in YAML:
     * {@code "[/api/venues/*}{@code /photos]": 5242880}).
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${couchannel.http.max-request-bytes:1048576}") long maxBytes, Environment environment) {
        Map<String, Long> byPath = Binder.get(environment)
                .bind("couchannel.http.max-request-bytes-by-path", Bindable.mapOf(String.class, Long.class))
                .orElse(Map.of());
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes, byPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
