package dev.couchannel.search.web;

import dev.couchannel.platform.service.Caller;
import dev.couchannel.search.application.Reindex;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/search/reindex}: rebuilds the read model from the log (admins only). */
@RestController
class ReindexController {

    private final Reindex reindex;

    ReindexController(Reindex reindex) {
        this.reindex = reindex;
    }

    @PostMapping("/api/admin/search/reindex")
    Map<String, Object> reindex(HttpServletRequest request) {
        Caller.require(request).requireRole("rebuild the search index", Caller.ADMIN);
        Reindex.Result result = reindex.rebuild();
        return Map.of(
                "previousIndex", result.previousIndex(),
                "index", result.index(),
                "events", result.events(),
                "tookMs", result.took().toMillis());
    }
}
