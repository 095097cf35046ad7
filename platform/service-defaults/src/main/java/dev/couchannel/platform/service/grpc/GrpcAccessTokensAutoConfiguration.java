package dev.couchannel.platform.service.grpc;

import dev.couchannel.platform.service.ServiceTokens;
import io.grpc.ClientInterceptor;
import io.grpc.ServerInterceptor;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * gRPC's half of ADR 12 for every service with gRPC on its classpath: its servers check the caller's token, its
 * clients send their own ({@code couchannel.security.client.*}: id, secret and identity's token URI).
 */
@AutoConfiguration(after = dev.couchannel.platform.service.ServiceDefaultsAutoConfiguration.class)
@ConditionalOnClass({ServerInterceptor.class, GlobalServerInterceptor.class, GlobalClientInterceptor.class})
public class GrpcAccessTokensAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GrpcAccessTokensAutoConfiguration.class);

    @Bean
    @GlobalServerInterceptor
    ServerInterceptor accessTokenServerInterceptor(JwtDecoder decoder) {
        return GrpcAccessTokens.checking(decoder);
    }

    @Bean
    ServiceTokens serviceTokens(
            @Value("${couchannel.security.client.token-uri}") URI tokenUri,
            @Value("${couchannel.security.client.id}") String clientId,
            @Value("${couchannel.security.client.secret}") String clientSecret) {
        return new ServiceTokens(tokenUri, clientId, clientSecret, Clock.systemUTC());
    }

    /** Fetches the first token once the service is up, so that its first gRPC call does not wait for identity. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> serviceTokenWarmUp(ServiceTokens tokens) {
        return ready -> Thread.ofVirtual().name("service-token-warm-up").start(() -> {
            try {
                tokens.token();
            } catch (IllegalStateException e) {
                log.warn("no service token yet ({}); the first gRPC call will ask again", e.getMessage());
            }
        });
    }

    @Bean
    @GlobalClientInterceptor
    ClientInterceptor serviceTokenClientInterceptor(ServiceTokens tokens) {
        return GrpcAccessTokens.attaching(tokens);
    }
}
