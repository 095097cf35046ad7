package dev.couchannel.gateway.bff;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The web app's sessions live in Redis (Spring Session; Boot's own session support is not on our
 * Maven Central, so it is configured here): any gateway instance serves any browser, and the
 * tokens in a session never leave the server. Only sign-in creates a session; API clients with a
 * bearer token never get one.
 *
 * <p>The cookie is {@value #COOKIE}: HttpOnly, Secure (unless {@code
 * couchannel.gateway.session.secure-cookie=false}), SameSite=Lax, so that it rides along on the
 * top-level redirect back from identity but not on cross-site subrequests.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession(redisNamespace = "couchannel:gateway:session")
public class Sessions {

    public static final String COOKIE = "COUCHANNEL_SESSION";

    @Bean
    CookieSerializer sessionCookie(BffProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(properties.session().secureCookie());
        cookie.setSameSite("Lax");
        return cookie;
    }

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> sessionTimeout(BffProperties properties) {
        return repository ->
                repository.setDefaultMaxInactiveInterval(properties.session().timeout());
    }

    /** Before Spring Security (which reads the signed-in user from the session). */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
            SessionRepositoryFilter<?> springSessionRepositoryFilter) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration =
                new FilterRegistrationBean<>(springSessionRepositoryFilter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }
}
