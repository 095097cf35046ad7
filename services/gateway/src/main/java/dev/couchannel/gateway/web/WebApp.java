package dev.couchannel.gateway.web;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app (ADR 17) on the public origin, next to the API and the BFF login, so that the
 * session cookie and the CSRF cookie are first-party and no CORS is needed.
 *
 * <p>The built files sit under {@value #LOCATION} on the classpath (module {@code apps/web}), a
 * path no other service of the launcher's shared classpath serves. Hashed {@code /assets/*} are
 * cached for a year; everything else is revalidated. The app routes in the browser, so a GET of
 * any other path without a file extension ({@code /sessions/…}, {@code /bookings}) answers {@code
 * index.html}; {@code /api}, the BFF and identity's pages are controllers or filters and never get
 * here, and a missing file with an extension stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class WebApp implements WebMvcConfigurer {

    static final String LOCATION = "couchannel-web/";
    private static final String INDEX = "index.html";

    /** The resource handler ignores an empty path, so "/" is forwarded to the page itself. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/" + INDEX);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/" + LOCATION + "assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/" + LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new AppRoutes());
    }

    /** A file of the app if there is one, else {@code index.html} for an app route. */
    static final class AppRoutes extends PathResourceResolver {

        @Override
        protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource file = super.getResource(resourcePath, location);
            if (file != null) {
                return file;
            }
            if (!isAppRoute(resourcePath)) {
                return null;
            }
            Resource index = new ClassPathResource(LOCATION + INDEX);
            return index.isReadable() ? index : null;
        }

        static boolean isAppRoute(String resourcePath) {
            String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            return !last.contains(".")
                    && !resourcePath.equals("api")
                    && !resourcePath.startsWith("api/")
                    && !resourcePath.startsWith("bff/");
        }
    }
}
