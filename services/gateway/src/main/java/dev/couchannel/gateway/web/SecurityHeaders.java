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
 * The gateway owns these headers: the proxy does not copy a service's own values over them (except
 * a {@code Content-Security-Policy} of identity's own pages, see {@code ApiProxy}).
 *
 * <p>The content security policy allows the app's own origin only: scripts, styles, fonts and API
 * calls from the gateway (the React app and identity's pages are served there), images also as
 * {@code data:} URLs and OpenStreetMap's map tiles (the web app shows a map when they load, a list
 * otherwise), no plugins, no framing, forms posting to the origin only (identity's login
 * form and its redirects stay on it, as the issuer is the gateway). The permissions policy turns
 * off device APIs but keeps passkeys (WebAuthn) for the origin.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: https://tile.openstreetmap.org; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(),"
            + " magnetometer=(), microphone=(), payment=(), usb=(),"
            + " publickey-credentials-create=(self), publickey-credentials-get=(self)";

    /** Two years, subdomains included; browsers ignore it over plain HTTP (local runs). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

    private static final Set<String> OWNED = Set.of(
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
            "content-security-policy",
            "permissions-policy",
            "strict-transport-security",
            "cache-control");

    /** Sets the headers on a response; call again after {@code response.reset()}. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
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
