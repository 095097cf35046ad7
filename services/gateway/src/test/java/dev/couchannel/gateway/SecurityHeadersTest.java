package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest extends GatewayTestSupport {

    @Test
    void everyApiAnswerCarriesThemAndIsNotCached() throws Exception {
        assertHardened(get("/api/openapi.json"), true);
        assertHardened(get("/api/nowhere"), true);
    }

    @Test
    void theGatewaysValuesWinOverAServicesOwn() throws Exception {
        INVENTORY.answer(exchange -> {
            exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
            exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
            FakeService.respond(exchange, 200, "application/json", "[]");
        });

        HttpResponse<String> response = get("/api/fixtures");

        assertHardened(response, true);
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void identitysPagesCarryThemButKeepTheirOwnContentSecurityPolicy() throws Exception {
        IDENTITY.answer(exchange -> {
            exchange.getResponseHeaders()
                    .add("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-abc'");
            exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
            FakeService.respond(exchange, 200, "text/html", "<form></form>");
        });

        HttpResponse<String> response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'self'; script-src 'self' 'nonce-abc'");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void probesAndErrorPagesOutsideTheApiCarryThemToo() throws Exception {
        assertHardened(get("/healthz"), false);
        // a path without an extension is one of the web app's routes (WebAppTest): a file it lacks is a 404
        HttpResponse<String> missing = get("/no/such/page.txt");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertHardened(missing, false);
    }

    private static void assertHardened(HttpResponse<String> response, boolean api) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .doesNotContain("unsafe"));
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(
                        hsts -> assertThat(hsts).startsWith("max-age=").contains("includeSubDomains"));
        assertThat(response.headers().firstValue("Permissions-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("camera=()").contains("publickey-credentials-get=(self)"));
        if (api) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }
}
