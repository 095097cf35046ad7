package dev.couchannel.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser hardening headers on every response the gateway sends, error pages included, and
 * {@code Cache-Control: no-store} on the API (its answers are per user and change by the second).
 * The gateway owns these headers: the proxy does not copy a service's own values over them.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static final Set<String> OWNED = Set.of(
            "x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy", "cache-control");

    /** Sets the headers on a response; call again after {@code response.reset()}. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        String path = request.getRequestURI();
        if (path.equals("/api") || path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** Whether a response header is set by this filter and must not be taken from a service. */
    public static boolean owns(String headerName) {
        return OWNED.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
