package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Identity's pages and endpoints on the gateway's origin, passed through as they are (ADR 12). */
class IdentityProxyTest extends GatewayTestSupport {

    @Test
    void aRedirectAndItsCookiesPassThroughUnfollowed() throws Exception {
        IDENTITY.answer(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/oauth2/authorize?x=1");
            exchange.getResponseHeaders().add("Set-Cookie", "COUCHANNEL_IDP=abc; Path=/; HttpOnly; SameSite=Lax");
            exchange.getResponseHeaders().add("Set-Cookie", "remember=1; Path=/");
            FakeService.respond(exchange, 302, "text/html", "");
        });

        HttpResponse<String> response =
                send("/login", request -> request.header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "COUCHANNEL_IDP=old; COUCHANNEL_SESSION=secret; XSRF-TOKEN=t")
                        .header("X-Forwarded-For", "203.0.113.9")
                        .POST(HttpRequest.BodyPublishers.ofString("username=guest%40example.com&password=pw&_csrf=c")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:" + port + "/oauth2/authorize?x=1");
        assertThat(response.headers().allValues("Set-Cookie"))
                .containsExactlyInAnyOrder("COUCHANNEL_IDP=abc; Path=/; HttpOnly; SameSite=Lax", "remember=1; Path=/");
        FakeService.Received received = IDENTITY.nextRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/login");
        assertThat(received.bodyText()).isEqualTo("username=guest%40example.com&password=pw&_csrf=c");
        assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(received.header("Cookie")).isEqualTo("COUCHANNEL_IDP=old; XSRF-TOKEN=t");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(received.header("X-Forwarded-For")).isEqualTo("203.0.113.9, 127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/.well-known/openid-configuration",
                "/oauth2/authorize?response_type=code&client_id=couchannel-web",
                "/oauth2/jwks",
                "/userinfo",
                "/connect/logout?id_token_hint=x",
                "/login?error",
                "/logout",
                "/register",
                "/verify?token=t",
                "/webauthn/authenticate/options",
                "/login/webauthn",
                "/login/webauthn.js",
                "/default-ui.css"
            })
    void identitysPathsReachIdentityWithoutASessionOrCsrfCookie(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IDENTITY.nextRequest().uri()).isEqualTo(path);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void localTokensArePostedToIdentityWithoutACsrfToken() throws Exception {
        HttpResponse<String> response =
                send("/local/tokens", request -> request.header("Content-Type", "application/json")
                        .header("Cookie", "COUCHANNEL_SESSION=whatever")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"guest@example.com\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IDENTITY.nextRequest().bodyText()).isEqualTo("{\"email\":\"guest@example.com\"}");
    }

    /** The gateway answers these itself: the web app's page for what may be an app route (ADR 17), else 404. */
    @ParameterizedTest
    @CsvSource({"/login/oauth2/code/couchannel, 200", "/loginx, 200", "/bff/anything, 404", "/oauth2x, 200"})
    void otherPathsDoNotReachIdentity(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.body()).contains("<div id=\"root\"></div>");
        }
        assertThat(IDENTITY.receivedNothing()).isTrue();
    }
}
