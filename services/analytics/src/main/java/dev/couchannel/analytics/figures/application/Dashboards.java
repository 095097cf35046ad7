package dev.couchannel.analytics.figures.application;

import dev.couchannel.analytics.figures.Dashboard;
import dev.couchannel.analytics.figures.Period;
import dev.couchannel.analytics.figures.Tally;
import dev.couchannel.analytics.figures.persistence.JdbcFigures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The host's and the admin's dashboards: the period's totals, its series and its sessions. */
@Service
// one snapshot: the queries of one dashboard see the same read model (a rebuild swaps it atomically)
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class Dashboards {

    /** The most sessions a dashboard lists (by kickoff); the totals count them all. */
    public static final int SESSIONS = 500;

    private final JdbcFigures figures;

    Dashboards(JdbcFigures figures) {
        this.figures = figures;
    }

    /** Over everything. */
    public Dashboard admin(Period period) {
        return dashboard("admin", period, null);
    }

    /** Over the host's own sessions and venues only. */
    public Dashboard host(String hostId, Period period) {
        return dashboard(hostId, period, hostId);
    }

    private Dashboard dashboard(String scope, Period period, @Nullable String host) {
        Map<LocalDate, Tally> points = new HashMap<>();
        figures.tally(period, host, points);
        Tally totals = new Tally();
        List<Dashboard.Point> series = period.points().stream()
                .map(start -> {
                    Tally point = points.getOrDefault(start, new Tally());
                    totals.plus(point);
                    return new Dashboard.Point(start, point.figures());
                })
                .toList();
        return new Dashboard(
                scope,
                period.from(),
                period.to(),
                period.interval().key(),
                totals.figures(),
                series,
                figures.sessions(period, host, SESSIONS));
    }
}
