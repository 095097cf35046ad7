package dev.couchannel.gateway.routing;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What each API operation requires of its caller: the edge's first line of defence (every service
 * checks again, zero trust). One rule per operation of the OpenAPI contract, whose {@code
 * security} declares the same requirement (a test holds the two together), then catch-alls for
 * paths the contract does not list.
 *
 * <p>A missing or invalid credential is a 401, a valid one without the grant a 403.
 */
public final class AccessRules {

    /** What a caller must have. */
    public sealed interface Requirement {

        /** Anyone, signed in or not. */
        record Anyone() implements Requirement {}

        /** A valid bearer token or a signed-in session; the service decides the rest. */
        record SignedIn() implements Requirement {}

        /**
         * One of these grants, each a scope ({@code SCOPE_<grant>}) or a role ({@code ROLE_<grant>}).
         */
        record AnyOf(List<String> grants) implements Requirement {
            public AnyOf {
                grants = List.copyOf(grants);
            }
        }
    }

    public static final Requirement ANYONE = new Requirement.Anyone();
    public static final Requirement SIGNED_IN = new Requirement.SignedIn();

    static Requirement anyOf(String... grants) {
        return new Requirement.AnyOf(List.of(grants));
    }

    private static final Requirement BOOK = anyOf("book:sessions");
    private static final Requirement HOST = anyOf("host:manage");
    private static final Requirement ADMIN = anyOf("admin");

    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    /**
     * One rule: methods (empty for any), a path pattern in the contract's syntax and the requirement.
     *
     * @param operation whether the pattern is an operation of the contract (not a catch-all)
     */
    public record Rule(
            Set<HttpMethod> methods, String path, PathPattern pattern, Requirement requirement, boolean operation) {

        boolean matches(HttpMethod method, PathContainer requestPath) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(requestPath);
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();

    private static Rule op(HttpMethod method, String path, Requirement requirement) {
        return new Rule(Set.of(method), path, PARSER.parse(path), requirement, true);
    }

    private static Rule rest(Set<HttpMethod> methods, String path, Requirement requirement) {
        return new Rule(methods, path, PARSER.parse(path), requirement, false);
    }

    /** First match wins. */
    static final List<Rule> RULES = List.of(
            // the gateway's own
            op(HttpMethod.GET, "/api/me", SIGNED_IN),
            rest(READS, "/api/openapi.json", ANYONE),
            rest(READS, "/api/openapi.yaml", ANYONE),
            rest(READS, "/api/docs", ANYONE),
            // inventory: the catalogue is public, planning is for hosts
            op(HttpMethod.GET, "/api/fixtures", ANYONE),
            op(HttpMethod.GET, "/api/sessions", ANYONE),
            op(HttpMethod.POST, "/api/sessions", HOST),
            op(HttpMethod.GET, "/api/sessions/{id}", ANYONE),
            op(HttpMethod.POST, "/api/sessions/{id}/publish", HOST),
            op(HttpMethod.POST, "/api/sessions/{id}/cancel", anyOf("host:manage", "admin")),
            op(HttpMethod.POST, "/api/sessions/{id}/waitlist", SIGNED_IN),
            op(HttpMethod.DELETE, "/api/sessions/{id}/waitlist", SIGNED_IN),
            op(HttpMethod.GET, "/api/sessions/{id}/waitlist/me", SIGNED_IN),
            op(HttpMethod.POST, "/api/admin/fixtures/{id}/postpone", ADMIN),
            op(HttpMethod.POST, "/api/admin/fixtures/import", ADMIN),
            // booking
            op(HttpMethod.GET, "/api/bookings", SIGNED_IN),
            op(HttpMethod.POST, "/api/bookings", BOOK),
            op(HttpMethod.GET, "/api/bookings/{id}", SIGNED_IN),
            op(HttpMethod.POST, "/api/bookings/{id}/cancel", SIGNED_IN),
            // the session's host records a guest who did not come (booking asks inventory who hosts it)
            op(HttpMethod.POST, "/api/bookings/{id}/no-show", HOST),
            op(HttpMethod.GET, "/api/sessions/{id}/bookings", anyOf("host:manage", "admin")),
            // hosting
            op(HttpMethod.POST, "/api/venues", HOST),
            op(HttpMethod.GET, "/api/venues/{id}", ANYONE),
            op(HttpMethod.PUT, "/api/venues/{id}", HOST),
            // venue photos: anyone sees them, the venue's host or an admin adds and removes them
            op(HttpMethod.GET, "/api/venues/{id}/photos", ANYONE),
            op(HttpMethod.POST, "/api/venues/{id}/photos", anyOf("host:manage", "admin")),
            op(HttpMethod.GET, "/api/venues/{id}/photos/{photoId}", ANYONE),
            op(HttpMethod.DELETE, "/api/venues/{id}/photos/{photoId}", anyOf("host:manage", "admin")),
            op(HttpMethod.GET, "/api/hosts/me/venues", SIGNED_IN),
            // host profiles: anyone reads one, a host writes their own
            op(HttpMethod.GET, "/api/hosts/me/profile", SIGNED_IN),
            op(HttpMethod.PUT, "/api/hosts/me/profile", HOST),
            op(HttpMethod.GET, "/api/hosts/{id}", ANYONE),
            // inventory answers it: a host reads their own, an admin any
            op(HttpMethod.GET, "/api/hosts/{host}/dashboard", SIGNED_IN),
            // payment: the webhook is signed by the provider, not by a user
            op(HttpMethod.GET, "/api/payments/{bookingId}", SIGNED_IN),
            op(HttpMethod.POST, "/api/payments/webhooks/{provider}", ANYONE),
            // payment: a host's payouts (the caller's own), the admin's reconciliation, failed refunds and their
            // resolution
            op(HttpMethod.GET, "/api/hosts/me/payouts", HOST),
            op(HttpMethod.PUT, "/api/hosts/me/payout-account", HOST),
            op(HttpMethod.GET, "/api/admin/reconciliation", ADMIN),
            op(HttpMethod.GET, "/api/admin/refunds", ADMIN),
            op(HttpMethod.POST, "/api/admin/refunds/{bookingId}/resolution", ADMIN),
            // pricing
            op(HttpMethod.POST, "/api/quotes", BOOK),
            op(HttpMethod.GET, "/api/quotes/{id}", SIGNED_IN),
            // compliance
            op(HttpMethod.GET, "/api/admin/compliance/rules", ADMIN),
            op(HttpMethod.POST, "/api/admin/compliance/rules", ADMIN),
            op(HttpMethod.POST, "/api/admin/compliance/rules/{id}/disable", ADMIN),
            op(HttpMethod.GET, "/api/search/sessions", ANYONE),
            op(HttpMethod.POST, "/api/admin/search/reindex", ADMIN),
            // identity: anyone may register (the e-mail link proves the address); the rest is the admin's
            op(HttpMethod.POST, "/api/users", ANYONE),
            // reputation is public: counts and scores, never an e-mail address (ADR 20)
            op(HttpMethod.GET, "/api/users/{id}/reputation", ANYONE),
            op(HttpMethod.GET, "/api/admin/users", ADMIN),
            op(HttpMethod.PUT, "/api/admin/users/{id}/roles", ADMIN),
            op(HttpMethod.GET, "/api/admin/audit", ADMIN),
            op(HttpMethod.POST, "/api/admin/keys/rotate", ADMIN),
            // notification: the caller's inbox, preferences and event stream; unsubscribe links are signed
            op(HttpMethod.GET, "/api/me/notifications", SIGNED_IN),
            op(HttpMethod.POST, "/api/me/notifications/{id}/read", SIGNED_IN),
            op(HttpMethod.POST, "/api/me/notifications/read-all", SIGNED_IN),
            op(HttpMethod.GET, "/api/me/notification-preferences", SIGNED_IN),
            op(HttpMethod.PUT, "/api/me/notification-preferences", SIGNED_IN),
            op(HttpMethod.GET, "/api/me/events", SIGNED_IN),
            op(HttpMethod.GET, "/api/sessions/{id}/events", ANYONE),
            op(HttpMethod.GET, "/api/notifications/unsubscribe", ANYONE),
            op(HttpMethod.POST, "/api/notifications/unsubscribe", ANYONE),
            op(HttpMethod.GET, "/api/notifications/push/public-key", ANYONE),
            op(HttpMethod.GET, "/api/me/push-subscriptions", SIGNED_IN),
            op(HttpMethod.POST, "/api/me/push-subscriptions", SIGNED_IN),
            op(HttpMethod.DELETE, "/api/me/push-subscriptions", SIGNED_IN),
            // review: anyone reads, attendees review (the service checks the booking), hosts reply
            op(HttpMethod.POST, "/api/reviews", SIGNED_IN),
            op(HttpMethod.GET, "/api/reviews/{id}", ANYONE),
            op(HttpMethod.POST, "/api/reviews/{id}/reply", HOST),
            op(HttpMethod.POST, "/api/reviews/{id}/reports", SIGNED_IN),
            op(HttpMethod.GET, "/api/venues/{venueId}/reviews", ANYONE),
            op(HttpMethod.POST, "/api/admin/reviews/{id}/hide", ADMIN),
            op(HttpMethod.POST, "/api/admin/reviews/{id}/restore", ADMIN),
            op(HttpMethod.GET, "/api/admin/reviews/reported", ADMIN),
            op(HttpMethod.POST, "/api/admin/reviews/rebuild", ADMIN),
            // analytics: a host's own figures, the admin's, and the survey links (the token is the credential)
            op(HttpMethod.GET, "/api/hosts/me/analytics", HOST),
            op(HttpMethod.GET, "/api/admin/analytics", ADMIN),
            op(HttpMethod.POST, "/api/admin/analytics/rebuild", ADMIN),
            op(HttpMethod.GET, "/api/surveys/{token}", ANYONE),
            op(HttpMethod.POST, "/api/surveys/{token}", ANYONE),
            // recommendation: the caller's own "sessions for you"
            op(HttpMethod.GET, "/api/me/recommendations", SIGNED_IN),
            // paths the contract does not list: admin is admin, venue changes are for hosts,
            // other reads are the service's to refuse, other writes need someone signed in
            rest(Set.of(), "/api/admin/**", ADMIN),
            rest(WRITES, "/api/venues/**", HOST),
            rest(READS, "/api/**", ANYONE),
            rest(Set.of(), "/api/**", SIGNED_IN));

    private AccessRules() {}

    /** The requirement for a request; {@code null} outside {@code /api}. */
    public static @Nullable Requirement requirement(HttpMethod method, String path) {
        PathContainer requestPath = PathContainer.parsePath(path);
        for (Rule rule : RULES) {
            if (rule.matches(method, requestPath)) {
                return rule.requirement();
            }
        }
        return null;
    }

    /** Every rule, in the order they are tried. */
    public static List<Rule> rules() {
        return RULES;
    }
}
