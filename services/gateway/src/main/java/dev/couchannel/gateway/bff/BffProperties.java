package dev.couchannel.gateway.bff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web app's login at the gateway ({@code couchannel.gateway.*}).
 *
 * @param oauth the gateway's client at identity
 * @param session the session cookie that stands for the tokens kept in Redis
 */
@ConfigurationProperties("couchannel.gateway")
public record BffProperties(
        @DefaultValue OAuth oauth, @DefaultValue Session session) {

    /**
     * @param clientId the web client registered at identity
     * @param clientSecret its secret ({@code local-web-secret} for local runs only)
     */
    public record OAuth(
            @DefaultValue("couchannel-web") String clientId,
            @DefaultValue("local-web-secret") String clientSecret) {}

    /**
     * @param secureCookie whether the cookie is only sent over HTTPS; tests over plain HTTP turn it off
     * @param timeout how long an idle session lives
     */
    public record Session(
            @DefaultValue("true") boolean secureCookie,
            @DefaultValue("30m") Duration timeout) {}
}
