package dev.couchannel.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.analytics.RunningAnalytics;
import dev.couchannel.platform.testing.OpenApiContract;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who may see which dashboard, and what bad input gets. */
class AnalyticsApiIT extends RunningAnalytics {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Test
    void aHostSeesTheirOwnDashboardAndOnlyAnAdminSeesEverything() throws Exception {
        assertProblem(send("GET", "/api/hosts/me/analytics", null, null), 401);
        assertProblem(send("GET", "/api/hosts/me/analytics", guest(), null), 403);
        assertProblem(send("GET", "/api/admin/analytics", null, null), 401);
        assertProblem(send("GET", "/api/admin/analytics", host(), null), 403);
        assertProblem(send("POST", "/api/admin/analytics/rebuild", host(), null), 403);
        assertProblem(send("POST", "/api/admin/analytics/rebuild", null, null), 401);

        String host = host();
        var mine = get("/api/hosts/me/analytics", host);
        assertThat(mine.path("scope").asString()).isEqualTo(host);
        assertThat(mine.path("interval").asString()).isEqualTo("day");
        assertThat(mine.path("series")).hasSize(30);
        assertThat(mine.path("totals").path("confirmed").asInt()).isZero();
        assertThat(get("/api/admin/analytics?interval=WEEK", ADMIN)
                        .path("scope")
                        .asString())
                .isEqualTo("admin");
    }

    @Test
    void badInputIsAProblemNamingTheParameter() throws Exception {
        assertNames("/api/admin/analytics?from=2026-11-10&to=2026-11-01", "from");
        assertNames("/api/admin/analytics?interval=hour", "interval");
        assertNames("/api/admin/analytics?from=2016-01-01&to=2026-01-01", "to");
        assertNames("/api/admin/analytics?from=2026-13-01", "from");
        assertNames("/api/admin/analytics?to=yesterday", "to");
        assertNames("/api/hosts/me/analytics?from=21.11.2026", "from");
    }

    private void assertNames(String path, String parameter) throws Exception {
        HttpResponse<String> response = send("GET", path, path.contains("/admin/") ? ADMIN : host(), null);
        assertProblem(response, 400);
        assertThat(json(response).path("errors").get(0).path("field").asString())
                .as(response.body())
                .isEqualTo(parameter);
    }
}
