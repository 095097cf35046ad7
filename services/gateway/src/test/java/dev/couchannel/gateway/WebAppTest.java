package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app (ADR 17) on the gateway's origin: its files, its routes, and a CSP it lives within. */
class WebAppTest extends GatewayTestSupport {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSET = Pattern.compile("\"(/assets/[^\"]+\\.js)\"");

    @Test
    void theStartPageIsTheAppWithOnlyExternalScriptsUnderTheGatewaysPolicy() throws Exception {
        HttpResponse<String> index = get("/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(index.body()).contains("<div id=\"root\"></div>");
        assertThat(index.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';"));
        assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // script-src 'self' without 'unsafe-inline': every script must be a file of the origin
        Matcher scripts = SCRIPT.matcher(index.body());
        int count = 0;
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=\"/assets/");
            count++;
        }
        assertThat(count).isPositive();
    }

    @Test
    void appRoutesAnswerTheStartPageSoThatDeepLinksAndReloadsWork() throws Exception {
        String index = get("/").body();
        for (String route : List.of("/sessions/29b80970-8797-31c3-a4a5-dd53ef0cd636", "/bookings", "/host")) {
            HttpResponse<String> page = get(route);
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.body()).as(route).isEqualTo(index);
        }
    }

    @Test
    void hashedAssetsAreCachedForAYearAndMissingFilesAreNotFound() throws Exception {
        Matcher asset = ASSET.matcher(get("/").body());
        assertThat(asset.find()).isTrue();

        HttpResponse<String> script = get(asset.group(1));

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(
                        cache -> assertThat(cache).contains("max-age=31536000").contains("immutable"));
        assertThat(get("/assets/nothing-here.js").statusCode()).isEqualTo(404);
        assertThat(get("/robots.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiIsNeverAnsweredWithThePage() throws Exception {
        assertProblem(get("/api/nowhere"), 404);
        assertProblem(get("/api"), 404);
    }
}
