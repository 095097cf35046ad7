package dev.couchannel.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway sends {@code /api} traffic ({@code couchannel.gateway.*}).
 *
 * @param routes base URL of each downstream service by route name, e.g. {@code
 *     couchannel.gateway.routes.booking=http://localhost:8082}; the request path is appended
 *     unchanged, so a base URL may carry a path prefix of its own
 * @param connectTimeout how long to wait for a TCP connection to a service
 * @param requestTimeout how long a forwarded request may take, response body included
 * @param readinessTimeout how long each service's {@code /readinessz} may take to answer 200
 *     before the gateway reports itself not ready
 * @param streamTimeout how long a forwarded event stream ({@code Accept: text/event-stream}) may
 *     stay open; the service sends heartbeats and ends its streams sooner, clients reconnect
 */
@ConfigurationProperties("couchannel.gateway")
public record GatewayProperties(
        @DefaultValue Map<String, URI> routes,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("1s") Duration readinessTimeout,
        @DefaultValue("2s") Duration grpcDeadline,
        @DefaultValue("1h") Duration streamTimeout) {

    public GatewayProperties {
        Map<String, URI> checked = new TreeMap<>();
        routes.forEach((name, base) -> checked.put(name, checkedBase(name, base)));
        routes = Collections.unmodifiableMap(checked);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("request-timeout", requestTimeout);
        requirePositive("readiness-timeout", readinessTimeout);
        requirePositive("grpc-deadline", grpcDeadline);
        requirePositive("stream-timeout", streamTimeout);
    }

    /** Identity's internal base URL (token, JWK set and userinfo endpoints; the proxied login pages). */
    public Optional<URI> identity() {
        return Optional.ofNullable(routes.get(RouteTable.IDENTITY));
    }

    private static URI checkedBase(String name, URI base) {
        boolean http = "http".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme());
        if (!http || base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("couchannel.gateway.routes." + name
                    + " must be an absolute http(s) URL without query or fragment, e.g. http://localhost:8081, but is '"
                    + base + "'");
        }
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("couchannel.gateway." + name + " must be positive, but is " + value);
        }
    }
}
