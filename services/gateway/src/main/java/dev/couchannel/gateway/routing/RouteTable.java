package dev.couchannel.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which service answers which part of the public API, and which of identity's pages the gateway
 * serves on its own origin. The prefixes are fixed here, next to the OpenAPI contract they
 * implement (what each operation requires of the caller is in {@link AccessRules}); only the base
 * URL of each service is configuration.
 */
@Component
public class RouteTable {

    /** The route of the identity service (ADR 12). */
    public static final String IDENTITY = "identity";

    // Identity's endpoints and pages, proxied because its issuer is the public gateway URL: the
    // browser sees one origin. Spring MVC path patterns; "/login" matches "/login?error" but not
    // "/login/oauth2/...", and nothing here matches the gateway's own "/bff/*".
    public static final String WELL_KNOWN = "/.well-known/**";
    public static final String OAUTH2 = "/oauth2/**";
    public static final String USERINFO = "/userinfo";
    public static final String CONNECT = "/connect/**";
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    public static final String REGISTER = "/register";
    public static final String VERIFY = "/verify";
    public static final String WEBAUTHN = "/webauthn/**";
    public static final String LOGIN_WEBAUTHN = "/login/webauthn";
    /** The passkey script of Spring Security's login page. */
    public static final String LOGIN_WEBAUTHN_SCRIPT = "/login/webauthn.js";

    public static final String LOCAL_TOKENS = "/local/tokens";
    /** The stylesheet of Spring Security's login, logout and consent pages. */
    public static final String DEFAULT_UI_CSS = "/default-ui.css";
    /** The stylesheet of identity's own pages (sign in, register, verify). */
    public static final String IDENTITY_CSS = "/identity.css";

    /** Every path pattern served by identity, for the security filter chain that leaves them alone. */
    public static final List<String> IDENTITY_PATHS = List.of(
            WELL_KNOWN,
            OAUTH2,
            USERINFO,
            CONNECT,
            LOGIN,
            LOGOUT,
            REGISTER,
            VERIFY,
            WEBAUTHN,
            LOGIN_WEBAUTHN,
            LOGIN_WEBAUTHN_SCRIPT,
            LOCAL_TOKENS,
            DEFAULT_UI_CSS,
            IDENTITY_CSS);

    /** Path prefix → route name. A prefix matches itself and everything below it. */
    static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("/api/bookings", "booking"),
            Map.entry("/api/fixtures", "inventory"),
            Map.entry("/api/sessions", "inventory"),
            Map.entry("/api/venues", "hosting"),
            Map.entry("/api/hosts", "hosting"),
            Map.entry("/api/payments", "payment"),
            Map.entry("/api/admin/reconciliation", "payment"),
            Map.entry("/api/admin/refunds", "payment"),
            Map.entry("/api/quotes", "pricing"),
            Map.entry("/api/admin/compliance", "compliance"),
            Map.entry("/api/admin/fixtures", "inventory"),
            Map.entry("/api/search", "search"),
            Map.entry("/api/admin/search", "search"),
            Map.entry("/api/reviews", "review"),
            Map.entry("/api/admin/reviews", "review"),
            // analytics: the admin's dashboard and rebuild, and the NPS survey links of its mails
            Map.entry("/api/admin/analytics", "analytics"),
            Map.entry("/api/surveys", "analytics"),
            // recommendation: "sessions for you" (ADR 21)
            Map.entry("/api/me/recommendations", "recommendation"),
            // identity's JSON API: registration and the admin's users, audit log and signing keys
            Map.entry("/api/users", IDENTITY),
            Map.entry("/api/admin/users", IDENTITY),
            Map.entry("/api/admin/audit", IDENTITY),
            Map.entry("/api/admin/keys", IDENTITY),
            // notification: the caller's inbox, preferences, push subscriptions and event stream
            Map.entry("/api/me/notifications", "notification"),
            Map.entry("/api/me/notification-preferences", "notification"),
            Map.entry("/api/me/push-subscriptions", "notification"),
            Map.entry("/api/me/events", "notification"),
            Map.entry("/api/notifications", "notification"));

    /** Single operations a service serves under another service's prefix; tried before the prefixes. */
    static final Map<String, String> OPERATIONS = Map.of(
            "/api/hosts/{host}/dashboard", "inventory",
            // a session's live seats left
            "/api/sessions/{id}/events", "notification",
            // a session's bookings, for its host: booking's, under inventory's prefix
            "/api/sessions/{id}/bookings", "booking",
            // a venue's reviews and rating are the review service's, under hosting's prefix
            "/api/venues/{venueId}/reviews", "review",
            // a host's payouts and payout account are payment's, under hosting's prefix
            "/api/hosts/me/payouts", "payment",
            "/api/hosts/me/payout-account", "payment",
            // a host's own analytics (not inventory's /api/hosts/{host}/dashboard), under hosting's prefix
            "/api/hosts/me/analytics", "analytics");

    private static final PathPatternParser PATTERNS = new PathPatternParser();

    private final Map<PathPattern, Route> byOperation;
    private final Map<String, Route> byPrefix;
    private final List<Route> routes;
    private final Route identity;

    public RouteTable(GatewayProperties properties) {
        Map<String, URI> bases = properties.routes();
        TreeSet<String> missing = new TreeSet<>(PREFIXES.values());
        missing.add(IDENTITY);
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
        this.identity = new Route(IDENTITY, bases.get(IDENTITY));
        this.byOperation = OPERATIONS.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        entry -> PATTERNS.parse(entry.getKey()),
                        entry -> new Route(entry.getValue(), bases.get(entry.getValue()))));
        this.byPrefix = PREFIXES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, entry -> new Route(entry.getValue(), bases.get(entry.getValue()))));
    }

    /** The route serving a request path, if any. */
    public Optional<Route> resolve(String path) {
        PathContainer requestPath = PathContainer.parsePath(path);
        for (Map.Entry<PathPattern, Route> operation : byOperation.entrySet()) {
            if (operation.getKey().matches(requestPath)) {
                return Optional.of(operation.getValue());
            }
        }
        return byPrefix.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The identity service, for its proxied pages and endpoints. */
    public Route identity() {
        return identity;
    }

    /** Every configured route, including ones no prefix uses yet (they still gate readiness). */
    public List<Route> all() {
        return routes;
    }
}
