package dev.couchannel.gateway.routing;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One downstream service the gateway forwards to.
 *
 * @param name the route name, as in {@code couchannel.gateway.routes.<name>}
 * @param base the service's base URL, without a trailing slash
 */
public record Route(String name, URI base) {

    /** The downstream URL for an already-encoded request path and query string. */
    URI target(String rawPath, @Nullable String rawQuery) {
        return URI.create(base + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    }

    /** The service's readiness probe. */
    URI readiness() {
        return URI.create(base + "/readinessz");
    }
}
