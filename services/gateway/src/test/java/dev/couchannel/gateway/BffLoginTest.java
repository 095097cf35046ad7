package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web app's sign-in at the gateway (ADR 12), at HTTP level against a stub OIDC provider, with
 * the session in a real Redis: PKCE and state on the way out, tokens kept server-side, the access
 * token relayed downstream, CSRF on cookie-authenticated writes, logout at identity.
 */
class BffLoginTest extends GatewayTestSupport {

    private StubOidcProvider provider;
    private Browser browser;

    @BeforeEach
    void provider() {
        provider = new StubOidcProvider();
        IDENTITY.answer(provider.answer());
        browser = new Browser(port);
    }

    @Test
    void loginRedirectsToTheAuthorizeEndpointWithPkceAndState() throws Exception {
        HttpResponse<String> response = browser.get("/bff/login");

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(Tokens.ISSUER + "/oauth2/authorize?");
        Map<String, String> query = Browser.query(location);
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "couchannel-web")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/bff/callback");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("state")).isNotBlank();
        assertThat(query.get("nonce")).isNotBlank();
        assertThat(query.get("scope").split(" "))
                .contains("openid", "profile", "email", "read:events", "book:sessions", "host:manage", "admin");
        assertThat(browser.cookies).containsKey("COUCHANNEL_SESSION");
    }

    @Test
    void theCallbackSignsInWithAnHttpOnlyLaxSessionCookieAndMeAnswers() throws Exception {
        String before = startLogin().getOrDefault("COUCHANNEL_SESSION", "");
        HttpResponse<String> callback =
                finishLogin("guest@example.com", List.of("guest"), List.of("read:events", "book:sessions"));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
        String cookie = callback.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("COUCHANNEL_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(browser.cookies.get("COUCHANNEL_SESSION"))
                .as("a new session id after sign-in")
                .isNotEqualTo(before);

        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .contains("\"id\":\"" + StubOidcProvider.subject("guest@example.com") + "\"")
                .contains("\"email\":\"guest@example.com\"")
                .contains("\"roles\":[\"guest\"]")
                .doesNotContain(provider.lastAccessToken);
    }

    @Test
    void aProxiedCallCarriesTheSessionsAccessToken() throws Exception {
        signIn("guest@example.com");

        HttpResponse<String> response = browser.get("/api/bookings/b-1");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.Received received = BOOKING.nextRequest();
        assertThat(received.headers("Authorization")).containsExactly("Bearer " + provider.lastAccessToken);
        assertThat(String.valueOf(received.header("Cookie"))).doesNotContain("COUCHANNEL_SESSION");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeItIsRelayed() throws Exception {
        provider.accessTokenSeconds = 5; // within the refresh skew: expired for the gateway
        signIn("guest@example.com");
        String first = provider.lastAccessToken;

        assertThat(browser.get("/api/bookings/b-1").statusCode()).isEqualTo(200);

        assertThat(provider.refreshes.get()).isEqualTo(1);
        assertThat(provider.lastAccessToken).isNotEqualTo(first);
        assertThat(BOOKING.nextRequest().header("Authorization")).isEqualTo("Bearer " + provider.lastAccessToken);
    }

    @Test
    void theSessionsScopesGuardTheRoutes() throws Exception {
        signIn("guest@example.com");
        browser.get("/api/me"); // hands out the XSRF-TOKEN cookie

        HttpResponse<String> response = browser.send(
                "/api/sessions", request -> request.header("X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 403);
        assertThat(INVENTORY.receivedNothing()).isTrue();
    }

    @Test
    void aCookieAuthenticatedWriteWithoutTheCsrfTokenIsRefused() throws Exception {
        signIn("guest@example.com");

        HttpResponse<String> response =
                browser.send("/api/bookings", request -> request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 403);
        assertThat(response.body()).contains("CSRF");
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @Test
    void aSurveyAnswerFromTheSurveyPageNeedsNoCsrfTokenItsTokenIsTheCredential() throws Exception {
        signIn("guest@example.com");

        HttpResponse<String> response = browser.send(
                "/api/surveys/t0k3n", request -> request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("score=9")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ANALYTICS.nextRequest().uri()).isEqualTo("/api/surveys/t0k3n");
    }

    @Test
    void aCookieAuthenticatedWriteWithTheCsrfTokenPasses() throws Exception {
        signIn("guest@example.com");
        browser.get("/api/me");
        String csrf = browser.cookies.get("XSRF-TOKEN");
        assertThat(csrf).isNotBlank();

        HttpResponse<String> response =
                browser.send("/api/bookings", request -> request.header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BOOKING.nextRequest().header("Authorization")).isEqualTo("Bearer " + provider.lastAccessToken);
    }

    @Test
    void aWrongCsrfTokenIsRefused() throws Exception {
        signIn("guest@example.com");
        browser.get("/api/me");

        HttpResponse<String> response =
                browser.send("/api/bookings", request -> request.header("X-XSRF-TOKEN", "forged")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 403);
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @Test
    void logoutNeedsTheCsrfTokenEndsTheSessionAndGoesToIdentity() throws Exception {
        signIn("guest@example.com");
        browser.get("/api/me");

        assertProblem(browser.send("/bff/logout", request -> request.POST(HttpRequest.BodyPublishers.noBody())), 403);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);

        HttpResponse<String> logout =
                browser.send("/bff/logout", request -> request.header("X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN"))
                        .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(302);
        URI location = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(Tokens.ISSUER + "/connect/logout?");
        assertThat(Browser.query(location))
                .containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", "http://127.0.0.1:" + port + "/");
        assertProblem(browser.get("/api/me"), 401);
    }

    @Test
    void aCallbackWithAnotherStateSignsNobodyIn() throws Exception {
        Map<String, String> authorize = Browser.query(URI.create(
                browser.get("/bff/login").headers().firstValue("Location").orElseThrow()));
        String code = provider.approve(authorize, "guest@example.com", List.of("guest"), List.of("book:sessions"));

        HttpResponse<String> callback = browser.get("/bff/callback?code=" + code + "&state=forged");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("login=failed");
        assertProblem(browser.get("/api/me"), 401);
    }

    private Map<String, String> startLogin() throws Exception {
        browser.get("/bff/login");
        return Map.copyOf(browser.cookies);
    }

    /**
     * Signs a guest in. The provider grants every scope the gateway asked for, as an authorization
     * server may: what the user may do must still come from the access token's own claims.
     */
    private void signIn(String email) throws Exception {
        HttpResponse<String> callback =
                finishLogin(email, List.of("guest"), List.of("read:events", "book:sessions", "host:manage", "admin"));
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).doesNotContain("login=failed");
    }

    /** After {@code /bff/login}: approves at the provider and follows the redirect back. */
    private HttpResponse<String> finishLogin(String email, List<String> roles, List<String> scopes) throws Exception {
        HttpResponse<String> login = browser.get("/bff/login");
        Map<String, String> authorize =
                Browser.query(URI.create(login.headers().firstValue("Location").orElseThrow()));
        String code = provider.approve(authorize, email, roles, scopes);
        return browser.get("/bff/callback?code=" + code + "&state="
                + URLEncoder.encode(authorize.get("state"), StandardCharsets.UTF_8));
    }
}
