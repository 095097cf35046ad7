package dev.couchannel.platform.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than the configured limit before anything reads them, with a
 * 413 problem+json. Bodies without a declared length are rejected as too large once they pass
 * the limit, so a 10 MB JSON can never reach a controller.
 *
 * <p>A service may give a few paths a limit of their own ({@code couchannel.http.max-request-bytes-by-path}, path
 * patterns such as {@code /api/venues/*}{@code /photos}): uploads larger than a JSON body but still bounded. Without a
 * declared length such a body is measured in memory up to that limit, so keep these limits a few megabytes.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private static final PathPatternParser PARSER = new PathPatternParser();

    private final long defaultMaxBytes;
    private final Map<PathPattern, Long> byPath;

    public RequestSizeLimit(long maxBytes) {
        this(maxBytes, Map.of());
    }

    /**
     * @param maxBytes the limit of every path not in {@code byPath}
     * @param byPath limits of their own, by path pattern ({@link PathPattern} syntax); the first match wins
     */
    public RequestSizeLimit(long maxBytes, Map<String, Long> byPath) {
        this.defaultMaxBytes = maxBytes;
        this.byPath = new LinkedHashMap<>();
        byPath.forEach((pattern, limit) -> this.byPath.put(PARSER.parse(pattern), limit));
    }

    private long limitFor(HttpServletRequest request) {
        if (byPath.isEmpty()) {
            return defaultMaxBytes;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (Map.Entry<PathPattern, Long> limit : byPath.entrySet()) {
            if (limit.getKey().matches(path)) {
                return limit.getValue();
            }
        }
        return defaultMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(response, maxBytes);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                reject(response, maxBytes);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, long maxBytes) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter()
                .write("{\"type\":\"https://couchannel.dev/problems/413\",\"title\":\"Request too large\","
                        + "\"status\":413,\"detail\":\"The request body is larger than "
                        + maxBytes
                        + " bytes; send a smaller body.\"}");
    }
}
