package dev.couchannel.platform.service;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as a verified access token says (ADR 12). {@link BearerTokenFilter} builds it from the token
 * the request carried; nothing a client writes in a header of its own is believed.
 *
 * @param id the user's e-mail address, lower case: the key services store owners by (the client id for a service)
 * @param subject the token's {@code sub}
 * @param roles {@code guest}, {@code host}, {@code admin}
 * @param scopes what the token may be used for, e.g. {@code book:sessions}
 */
public record Caller(String id, String subject, Set<String> roles, Set<String> scopes) {

    public static final String ADMIN = "admin";
    public static final String HOST = "host";

    private static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** The caller a verified token describes. */
    public static Caller of(Jwt token) {
        String email = token.getClaimAsString("email");
        String id = email != null && !email.isBlank() ? email.toLowerCase(Locale.ROOT) : token.getSubject();
        return new Caller(id, token.getSubject(), strings(token.getClaims().get("roles")), scopes(token.getClaims()));
    }

    /**
     * @throws ApiProblem 401 when the request carries no valid access token
     */
    public static Caller require(HttpServletRequest request) {
        return optional(request)
                .orElseThrow(() -> ApiProblem.unauthorized("Sign in first: send 'Authorization: Bearer <token>' "
                        + "(locally, ./couchannel token <email> prints one)."));
    }

    /** The caller, or empty for an anonymous request. */
    public static Optional<Caller> optional(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    static void attach(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /**
     * @param action what the caller tried, for the message, e.g. {@code "import fixtures"}
     * @throws ApiProblem 403 unless the caller has one of {@code anyOf}
     */
    public Caller requireRole(String action, String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::hasRole)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "Only " + String.join(" or ", anyOf) + " accounts may " + action + ".",
                    Map.of());
        }
        return this;
    }

    private static Set<String> scopes(Map<String, Object> claims) {
        Object scope = claims.getOrDefault("scope", claims.get("scp"));
        if (scope instanceof String text) {
            return Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        }
        return strings(scope);
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.copyOf(List.of(String.valueOf(claim)));
    }
}
