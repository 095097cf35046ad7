package dev.couchannel.analytics.figures.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.couchannel.analytics.figures.Dashboard;
import dev.couchannel.analytics.figures.Figures;
import dev.couchannel.analytics.figures.Period;
import dev.couchannel.analytics.figures.application.Dashboards;
import dev.couchannel.analytics.figures.application.RebuildFromLog;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboards (contracts/openapi, tag {@code analytics}): {@code /api/hosts/me/analytics} for a
 * host's own sessions, {@code /api/admin/analytics} for everything, and the rebuild. Not
 * {@code /api/hosts/me/dashboard}: inventory serves {@code /api/hosts/{host}/dashboard}.
 */
@RestController
class AnalyticsController {

    private final Dashboards dashboards;
    private final RebuildFromLog rebuild;
    private final Clock clock;

    AnalyticsController(Dashboards dashboards, RebuildFromLog rebuild, Clock clock) {
        this.dashboards = dashboards;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** The dashboard as the API writes it: each point of the series is its start and its figures, flat. */
    record DashboardView(
            String scope,
            LocalDate from,
            LocalDate to,
            String interval,
            Figures totals,
            List<PointView> series,
            List<Dashboard.SessionOccupancy> sessions) {

        static DashboardView of(Dashboard dashboard) {
            return new DashboardView(
                    dashboard.scope(),
                    dashboard.from(),
                    dashboard.to(),
                    dashboard.interval(),
                    dashboard.totals(),
                    dashboard.series().stream()
                            .map(point -> new PointView(point.start(), point.figures()))
                            .toList(),
                    dashboard.sessions());
        }
    }

    record PointView(LocalDate start, @JsonUnwrapped Figures figures) {}

    record Rebuilt(long events, long tookMs) {}

    @GetMapping("/api/hosts/me/analytics")
    DashboardView host(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String interval,
            HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("see host analytics", Caller.HOST);
        return DashboardView.of(dashboards.host(caller.id(), period(from, to, interval)));
    }

    @GetMapping("/api/admin/analytics")
    DashboardView admin(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String interval,
            HttpServletRequest http) {
        Caller.require(http).requireRole("see the platform's analytics", Caller.ADMIN);
        return DashboardView.of(dashboards.admin(period(from, to, interval)));
    }

    @PostMapping("/api/admin/analytics/rebuild")
    Rebuilt rebuild(HttpServletRequest http) {
        Caller.require(http).requireRole("rebuild the analytics read model", Caller.ADMIN);
        try {
            RebuildFromLog.Result result = rebuild.rebuild();
            return new Rebuilt(result.events(), result.took().toMillis());
        } catch (RebuildFromLog.AlreadyRunning e) {
            throw ApiProblem.conflict("A rebuild is already running; try again when it has finished.");
        }
    }

    private Period period(@Nullable String from, @Nullable String to, @Nullable String interval) {
        return switch (Period.parse(from, to, interval, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            case Period.Parsed.Valid(Period period) -> period;
            case Period.Parsed.Invalid(List<Period.Problem> problems) ->
                throw ApiProblem.invalidFields(problems.stream()
                        .map(problem -> new FieldProblem(problem.parameter(), problem.message()))
                        .toList());
        };
    }
}
