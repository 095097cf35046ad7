package dev.couchannel.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which service answers which part of the public API. The prefixes are fixed here, next to the
 * OpenAPI contract they implement; only the base URL of each service is configuration.
 */
@Component
public class RouteTable {

    /** Path prefix → route name. A prefix matches itself and everything below it. */
    static final Map<String, String> PREFIXES = Map.of(
            "/api/bookings", "booking",
            "/api/fixtures", "inventory",
            "/api/sessions", "inventory",
            "/api/venues", "hosting",
            "/api/hosts", "hosting",
            "/api/payments", "payment",
            "/api/quotes", "pricing",
            "/api/admin/compliance", "compliance",
            "/api/admin/fixtures", "inventory");

    private final Map<String, Route> byPrefix;
    private final List<Route> routes;

    public RouteTable(GatewayProperties properties) {
        Map<String, URI> bases = properties.routes();
        TreeSet<String> missing = new TreeSet<>(PREFIXES.values());
        missing.removeAll(bases.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The gateway needs a base URL for every route it serves; set "
                    + missing.stream()
                            .map(name -> "couchannel.gateway.routes." + name)
                            .toList());
        }
        List<Route> all = new ArrayList<>();
        bases.forEach((name, base) -> all.add(new Route(name, base)));
        this.routes = List.copyOf(all);
        this.byPrefix = PREFIXES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, entry -> new Route(entry.getValue(), bases.get(entry.getValue()))));
    }

    /** The route serving a request path, if any. */
    public Optional<Route> resolve(String path) {
        return byPrefix.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Every configured route, including ones no prefix uses yet (they still gate readiness). */
    public List<Route> all() {
        return routes;
    }
}
