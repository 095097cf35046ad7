package dev.couchannel.gateway.routing;

import dev.couchannel.gateway.bff.Sessions;
import dev.couchannel.gateway.bff.TokenRelay;
import dev.couchannel.gateway.web.SecurityHeaders;
import dev.couchannel.platform.service.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A deliberately small reverse proxy for {@code /api/**} and identity's pages, written by hand: Spring Cloud Gateway has
 * no release for Boot 4.1 yet, and the gateway is about to grow BFF aggregation that we want to own.
 *
 * <p>For a path in the {@link RouteTable} it forwards method, raw path, raw query string, body and
 * headers to the service's base URL and streams status, headers and body back. On the way it
 *
 * <ul>
 *   <li>drops hop-by-hop headers (RFC 9110 §7.6.1, including those named in {@code Connection}),
 *       {@code Host} and {@code Content-Length} (recomputed from the buffered body, which the
 *       request size limit of service-defaults keeps small);
 *   <li>passes {@code Authorization} on unchanged (Spring Security has checked a bearer token
 *       already); for a request signed in through the web app's session it sends the session's
 *       access token instead ({@link TokenRelay});
 *   <li>always drops a caller's {@code X-Couchannel-User} (no service may trust it; defence in
 *       depth) and the gateway's own session cookie;
 *   <li>adds {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port} (identity builds
 *       its redirects on the public origin from them) and an {@code X-Request-Id}
 *       (the caller's when it is sane, otherwise a new UUID; echoed on the response);
 *   <li>propagates the trace: the {@link RestClient} is observed, so the downstream request
 *       carries the W3C {@code traceparent} of a client span under the inbound request's span.
 * </ul>
 *
 * <p>Answers of its own, all {@code application/problem+json}: 404 for an {@code /api} path no
 * service owns, 400 for a path that tries to climb out of its prefix, 401 for a session whose
 * token cannot be refreshed, 503 when the service cannot be reached, 504 when it does not answer within
 * {@code couchannel.gateway.request-timeout} (the service may still complete the request; the problem
 * tells the client to repeat it with the same {@code Idempotency-Key}); {@code stream-timeout} for a
 * request that accepts {@code text/event-stream}: server-sent events pass through as they come. Redirects (never followed), {@code Set-Cookie} and
 * error statuses of a service are passed through untouched.
 */
@RestController
class ApiProxy {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(ApiProxy.class);

    /** Hop-by-hop headers (RFC 9110 §7.6.1): meaningful for one connection only, never passed on. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** Never forwarded: hop-by-hop, recomputed, or set by the gateway itself. */
    private static final Set<String> REQUEST_HEADERS_NOT_FORWARDED = union(
            HOP_BY_HOP,
            "expect",
            "host",
            "content-length",
            "x-couchannel-user",
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-request-id");

    /**
     * Never copied back: hop-by-hop or set by the gateway itself. {@code Content-Length} is kept:
     * the body is passed on byte for byte (no decompression), so the service's length holds.
     */
    private static final Set<String> RESPONSE_HEADERS_NOT_COPIED = union(HOP_BY_HOP, "x-request-id");

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

    private final RouteTable routes;
    private final TokenRelay tokens;
    private final RestClient client;
    private final RestClient streams;
    private final Duration requestTimeout;

    ApiProxy(
            RouteTable routes,
            TokenRelay tokens,
            RestClient proxyRestClient,
            RestClient streamRestClient,
            GatewayProperties properties) {
        this.routes = routes;
        this.tokens = tokens;
        this.client = proxyRestClient;
        this.streams = streamRestClient;
        this.requestTimeout = properties.requestTimeout();
    }

    @RequestMapping("/api/**")
    void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Route route = routes.resolve(path)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "No API operation lives at this path; GET /api/docs lists them.",
                        Map.of()));
        forward(route, request, response);
    }

    /** Identity's endpoints and pages on the public origin (ADR 12); see {@link RouteTable#IDENTITY_PATHS}. */
    @RequestMapping({
        RouteTable.WELL_KNOWN,
        RouteTable.OAUTH2,
        RouteTable.USERINFO,
        RouteTable.CONNECT,
        RouteTable.LOGIN,
        RouteTable.LOGOUT,
        RouteTable.REGISTER,
        RouteTable.VERIFY,
        RouteTable.WEBAUTHN,
        RouteTable.LOGIN_WEBAUTHN,
        RouteTable.LOGIN_WEBAUTHN_SCRIPT,
        RouteTable.LOCAL_TOKENS,
        RouteTable.DEFAULT_UI_CSS
    })
    void forwardToIdentity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        forward(routes.identity(), request, response);
    }

    private void forward(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = requestId(request);
        response.setHeader(REQUEST_ID, requestId);
        String path = request.getRequestURI();
        URI target = target(route, path, request.getQueryString());
        Optional<String> relayedToken = tokens.accessToken(request, response);
        byte[] body = request.getInputStream().readAllBytes();

        RestClient.RequestBodySpec downstream = (isEventStream(request) ? streams : client)
                .method(HttpMethod.valueOf(request.getMethod()))
                .uri(target)
                .headers(headers -> forwardedHeaders(request, requestId, relayedToken, body.length, headers));
        if (body.length > 0) {
            downstream = downstream.body(out -> out.write(body));
        }
        long started = System.nanoTime();
        try {
            boolean identity = route.name().equals(RouteTable.IDENTITY);
            downstream.exchange((forwarded, answer) -> {
                copyBack(answer, response, identity);
                return null;
            });
        } catch (ResourceAccessException failure) {
            if (response.isCommitted() && isEventStream(request)) {
                // an event stream may end at any moment (the service restarts, a deploy): the
                // client's EventSource reconnects, nothing it was told is half true
                log.debug("{} ended the event stream {}: {}", route.name(), path, describe(failure));
                return;
            }
            if (response.isCommitted()) {
                // status and headers are on the wire already: the client must see a broken
                // response, never a truncated one that looks complete or a problem glued to it
                log.warn(
                        "{} failed while its answer to {} {} was streamed: {}",
                        route.name(),
                        request.getMethod(),
                        path,
                        describe(failure));
                throw new BrokenStream(route.name());
            }
            boolean timedOut = !isEventStream(request)
                    && Duration.ofNanos(System.nanoTime() - started).compareTo(requestTimeout) >= 0;
            log.warn(
                    "{} {} for {} {}: {}",
                    route.name(),
                    timedOut ? "did not answer in " + requestTimeout.toMillis() + " ms" : "is unavailable",
                    request.getMethod(),
                    path,
                    describe(failure));
            response.reset();
            SecurityHeaders.apply(request, response);
            response.setHeader(REQUEST_ID, requestId);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            throw timedOut ? timedOut(route) : unavailable(route);
        }
    }

    private static ApiProblem unavailable(Route route) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "The " + route.name() + " service is unavailable; try again shortly.",
                Map.of());
    }

    /**
     * The service got the request and may still carry it out: a client that repeats it must not
     * do it twice, so the problem says how to repeat it safely.
     */
    private ApiProblem timedOut(Route route) {
        return new ApiProblem(
                HttpStatus.GATEWAY_TIMEOUT,
                "Service too slow",
                "The " + route.name() + " service did not answer within " + requestTimeout.toMillis()
                        + " ms and may still complete the request. Repeat it with the same Idempotency-Key,"
                        + " or check its result, rather than sending a new one.",
                Map.of());
    }

    @ExceptionHandler(CallerGone.class)
    void callerGone(CallerGone gone) {
        log.debug("caller went away while an answer was passed on: {}", describe(gone));
    }

    /**
     * Rethrown on purpose: no problem+json may be written into a response already under way, so
     * the exception goes to the servlet container, which closes the connection.
     */
    @ExceptionHandler(BrokenStream.class)
    void brokenStream(BrokenStream broken) throws BrokenStream {
        throw broken;
    }

    /** A server-sent event stream: passed on as it comes, open up to the stream timeout. */
    private static boolean isEventStream(HttpServletRequest request) {
        return Collections.list(request.getHeaders(HttpHeaders.ACCEPT)).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_EVENT_STREAM_VALUE));
    }

    private static URI target(Route route, String rawPath, String rawQuery) {
        // Tomcat decodes and normalises the path it maps, but we forward the raw one: refuse any
        // raw path that could mean something else to the service (dot segments, encoded / \ .).
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (DOT_SEGMENT.matcher(rawPath).find()
                || rawPath.contains("\\")
                || rawPath.contains("//")
                || lower.contains("%2e")
                || lower.contains("%2f")
                || lower.contains("%5c")) {
            throw ApiProblem.badRequest(
                    "The request path is not in canonical form; send it without dot segments or encoded slashes.");
        }
        try {
            return route.target(rawPath, rawQuery);
        } catch (IllegalArgumentException malformed) {
            throw ApiProblem.badRequest("The request path or query string is not a valid URL.");
        }
    }

    private static void forwardedHeaders(
            HttpServletRequest request,
            String requestId,
            Optional<String> relayedToken,
            int contentLength,
            HttpHeaders headers) {
        Set<String> connectionTokens = connectionTokens(request);
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (REQUEST_HEADERS_NOT_FORWARDED.contains(lower) || connectionTokens.contains(lower)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                if (lower.equals("cookie")) {
                    value = withoutSessionCookie(value);
                    if (value.isEmpty()) {
                        continue;
                    }
                }
                headers.add(name, value);
            }
        }
        relayedToken.ifPresent(headers::setBearerAuth);
        String forwardedFor = request.getHeader("X-Forwarded-For");
        headers.set(
                "X-Forwarded-For",
                forwardedFor == null ? request.getRemoteAddr() : forwardedFor + ", " + request.getRemoteAddr());
        headers.set("X-Forwarded-Proto", request.getScheme());
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set("X-Forwarded-Port", String.valueOf(request.getServerPort()));
        headers.set(REQUEST_ID, requestId);
        if (contentLength > 0) {
            // not sent as a header (the JDK client refuses to), but sizes the body it sends
            headers.setContentLength(contentLength);
        }
    }

    /** The gateway's session id is the gateway's business: no service ever sees it. */
    private static String withoutSessionCookie(String cookieHeader) {
        StringBuilder kept = new StringBuilder();
        for (String pair : cookieHeader.split(";")) {
            String cookie = pair.strip();
            if (cookie.isEmpty() || cookie.startsWith(Sessions.COOKIE + "=")) {
                continue;
            }
            kept.append(kept.isEmpty() ? "" : "; ").append(cookie);
        }
        return kept.toString();
    }

    /**
     * Identity's pages may bring their own {@code Content-Security-Policy} (it knows their
     * scripts), and a service may declare an answer {@code Cache-Control: public} (venue photos,
     * the same for everyone and never changing); every other header the gateway owns stays the
     * gateway's ({@code no-store} for the API).
     */
    private static void copyBack(ClientHttpResponse answer, HttpServletResponse response, boolean identity)
            throws IOException {
        response.setStatus(answer.getStatusCode().value());
        Set<String> connectionTokens = new HashSet<>();
        for (String value : answer.getHeaders().getOrEmpty(HttpHeaders.CONNECTION)) {
            addTokens(value, connectionTokens);
        }
        answer.getHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESPONSE_HEADERS_NOT_COPIED.contains(lower) || connectionTokens.contains(lower)) {
                return;
            }
            if (SecurityHeaders.owns(lower)) {
                boolean publicCache = lower.equals("cache-control") && isPublic(values.getFirst());
                if (!(identity && lower.equals("content-security-policy")) && !publicCache) {
                    return;
                }
                response.setHeader(name, values.getFirst());
                return;
            }
            for (String value : values) {
                response.addHeader(name, value);
            }
        });
        try (InputStream in = answer.getBody()) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                try {
                    out.write(buffer, 0, read);
                    if (in.available() == 0) {
                        // pass on what the service has sent so far (streams, server-sent events)
                        out.flush();
                    }
                } catch (IOException gone) {
                    throw new CallerGone(gone);
                }
            }
        }
    }

    /** {@code Cache-Control} with the {@code public} directive and none that forbids shared caches. */
    static boolean isPublic(String cacheControl) {
        Set<String> directives = new HashSet<>();
        addTokens(cacheControl, directives);
        return directives.contains("public") && !directives.contains("private") && !directives.contains("no-store");
    }

    /** The caller hung up while the answer was passed on: nobody is left to tell. */
    static final class CallerGone extends RuntimeException {
        CallerGone(IOException cause) {
            super("the caller went away", cause, false, false);
        }
    }

    /** The service failed after the gateway started passing its answer on. */
    static final class BrokenStream extends IOException {
        BrokenStream(String route) {
            super("the " + route + " service broke off its answer");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static Set<String> connectionTokens(HttpServletRequest request) {
        Set<String> tokens = new HashSet<>();
        for (String value : Collections.list(request.getHeaders(HttpHeaders.CONNECTION))) {
            addTokens(value, tokens);
        }
        return tokens;
    }

    private static void addTokens(String headerValue, Set<String> tokens) {
        for (String token : headerValue.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String requestId(HttpServletRequest request) {
        String given = request.getHeader(REQUEST_ID);
        return given != null && SANE_REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }
}
