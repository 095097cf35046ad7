package dev.couchannel.platform.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the access token of every request that carries one, before any controller runs (zero trust: the
 * gateway's word is not enough). A request without {@code Authorization} goes on anonymous and the endpoint
 * decides ({@link Caller#require}); a request with a bad one ends here with 401 problem+json and a
 * {@code WWW-Authenticate} challenge, whatever endpoint it was for.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private final JwtDecoder decoder;

    public BearerTokenFilter(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            reject(response, "invalid_request", "Only 'Authorization: Bearer <access token>' is accepted.");
            return;
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(parts[1]);
        } catch (JwtException e) {
            log.debug("refused an access token: {}", e.getMessage());
            reject(response, "invalid_token", "The access token is not valid (" + reason(e) + "); sign in again.");
            return;
        }
        Caller.attach(request, Caller.of(jwt));
        chain.doFilter(request, response);
    }

    /** A short, safe reason: which check failed, without echoing the token back. */
    private static String reason(JwtException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("expired") || message.contains("Expired")) {
            return "expired";
        }
        if (message.contains("before") || message.contains("nbf")) {
            return "not valid yet";
        }
        if (message.contains("iss")) {
            return "wrong issuer";
        }
        if (message.contains("aud")) {
            return "wrong audience";
        }
        return "signature, algorithm or format";
    }

    private static void reject(HttpServletResponse response, String error, String detail) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter()
                .write("{\"type\":\"https://couchannel.dev/problems/401\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"" + detail + "\"}");
    }
}
