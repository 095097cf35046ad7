package dev.couchannel.platform.service;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Security's auto-configuration out of a service that did not ask for it.
 *
 * <p>Services check tokens with the platform's own filter ({@link BearerTokenFilter}); only identity (an
 * authorization server) and the gateway (OAuth2 login, CSRF) run Spring Security's filter chain. In the launcher
 * every service shares one classpath, so the others would otherwise get Boot's default chain (HTTP Basic with a
 * generated password on every endpoint) or the authorization server's key and decoder beans. A service opts in
 * with {@code couchannel.spring-security.enabled=true}, and to the authorization server's auto-configuration with
 * {@code couchannel.spring-security.authorization-server=true}.
 */
public class SpringSecurityOptIn implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String SECURITY = "org.springframework.boot.security.";
    private static final String AUTHORIZATION_SERVER = SECURITY + "oauth2.server.authorization.";

    private boolean security;
    private boolean authorizationServer;

    @Override
    public void setEnvironment(Environment environment) {
        security = environment.getProperty("couchannel.spring-security.enabled", Boolean.class, false);
        authorizationServer =
                environment.getProperty("couchannel.spring-security.authorization-server", Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean[] keep = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            keep[i] = allowed(candidates[i]);
        }
        return keep;
    }

    boolean allowed(String autoConfiguration) {
        if (autoConfiguration == null || !autoConfiguration.startsWith(SECURITY)) {
            return true;
        }
        return autoConfiguration.startsWith(AUTHORIZATION_SERVER) ? authorizationServer : security;
    }
}
