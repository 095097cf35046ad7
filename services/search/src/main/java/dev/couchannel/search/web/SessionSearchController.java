package dev.couchannel.search.web;

import dev.couchannel.search.catalog.SessionHits;
import dev.couchannel.search.opensearch.OpenSearchUnavailable;
import dev.couchannel.search.opensearch.SessionSearch;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search/sessions}: public, anonymous callers welcome. */
@RestController
class SessionSearchController {

    private static final Logger log = LoggerFactory.getLogger(SessionSearchController.class);

    private final SessionSearch search;
    private final Clock clock;

    SessionSearchController(SessionSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/api/search/sessions")
    SessionHits sessions(@RequestParam Map<String, String> parameters) {
        return search.search(SearchRequestParser.parse(parameters, clock));
    }

    @ExceptionHandler(OpenSearchUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(OpenSearchUnavailable failure) {
        log.warn("search is unavailable: {}", failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Search is unavailable for a moment; try again shortly.");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("https://couchannel.dev/problems/503"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(problem);
    }
}
