package dev.couchannel.gateway.ratelimit;

import dev.couchannel.gateway.bff.BffLogin;
import dev.couchannel.gateway.identity.SignedInCaller;
import dev.couchannel.gateway.routing.RouteTable;
import dev.couchannel.gateway.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway's request budgets ({@link RateLimitProperties}). Two filters: one before Spring
 * Security counts every request by client address (refused credentials included) and sign-in
 * attempts; one after it counts a signed-in user's requests and bookings. Over budget is a 429
 * problem with {@code Retry-After} in seconds.
 *
 * <p>The client address is the connection's: the gateway is the edge. Behind a load balancer set
 * {@code server.forward-headers-strategy} so that it is the client's again.
 */
public final class RateLimits {

    private RateLimits() {}

    /** Runs before Spring Security: by client address. */
    public static final class PerClientAddress extends OncePerRequestFilter {

        private final Buckets buckets;
        private final RateLimitProperties limits;

        public PerClientAddress(Buckets buckets, RateLimitProperties limits) {
            this.buckets = buckets;
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String address = request.getRemoteAddr();
            Optional<Duration> wait = buckets.take("ip", address, limits.perIp());
            if (wait.isEmpty() && isSignIn(request)) {
                wait = buckets.take("login", address, limits.loginPerIp());
            }
            if (wait.isPresent()) {
                tooMany(response, wait.get(), "Too many requests from your address");
                return;
            }
            chain.doFilter(request, response);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !limits.enabled() || isProbe(request);
        }
    }

    /** Runs after Spring Security: by signed-in user. */
    public static final class PerUser extends OncePerRequestFilter {

        private final Buckets buckets;
        private final RateLimitProperties limits;

        public PerUser(Buckets buckets, RateLimitProperties limits) {
            this.buckets = buckets;
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<SignedInCaller> caller =
                    SignedInCaller.of(SecurityContextHolder.getContext().getAuthentication());
            if (caller.isPresent()) {
                String user = caller.get().subject();
                Optional<Duration> wait = buckets.take("user", user, limits.perUser());
                if (wait.isEmpty() && isBooking(request)) {
                    wait = buckets.take("booking", user, limits.bookingPerUser());
                }
                if (wait.isPresent()) {
                    tooMany(response, wait.get(), "Too many requests from your account");
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !limits.enabled() || isProbe(request);
        }
    }

    static boolean isSignIn(HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        return path.equals(BffLogin.LOGIN)
                || (method.equals("POST") && (path.equals(RouteTable.LOGIN) || path.equals(RouteTable.LOCAL_TOKENS)));
    }

    static boolean isBooking(HttpServletRequest request) {
        return request.getMethod().equals("POST") && request.getRequestURI().equals("/api/bookings");
    }

    /** The orchestrator's probes must never be throttled into a restart. */
    private static boolean isProbe(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/healthz") || path.equals("/readinessz");
    }

    private static void tooMany(HttpServletResponse response, Duration wait, String what) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemWriter.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                what + "; try again in " + seconds + " s.");
    }
}
