package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Discovery, JWKS and the grants (authorization code + PKCE, refresh, client credentials) at HTTP level. */
class AuthorizationServerIT extends IdentityTest {

    static final String WEB_REDIRECT = ISSUER + "/bff/callback";
    static final String WEB_BASIC =
            "Basic " + Base64.getEncoder().encodeToString("couchannel-web:local-web-secret".getBytes());

    @Test
    void discoveryNamesThePublicIssuerAndItsEndpoints() {
        JsonNode discovery = json(browser().get("/.well-known/openid-configuration"));

        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(discovery.path("code_challenge_methods_supported").toString())
                .contains("S256");
    }

    @Test
    void theJwksPublishesRsaSigningKeysWithIdsAndNoPrivateParts() {
        String raw = browser().get("/oauth2/jwks").body();

        assertThat(jwks().getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(key.isPrivate()).isFalse();
        });
        assertThat(raw).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void aSignInThroughTheAuthorizationCodeFlowWithPkceGivesTheAdr12AccessToken() throws Exception {
        Browser browser = browser();
        String verifier = verifier();
        String code = authorize(browser, "host@example.com", DEMO_PASSWORD, verifier);

        HttpResponse<String> tokens = exchange(code, verifier);

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = json(tokens);
        String accessToken = body.path("access_token").asString();
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = verify(accessToken);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("couchannel-api");
        assertThat(claims.getSubject()).matches("[0-9a-f-]{36}");
        assertThat(claims.getStringClaim("email")).isEqualTo("host@example.com");
        assertThat(claims.getStringListClaim("roles")).containsExactly("guest", "host");
        assertThat(claims.getStringListClaim("scope"))
                .contains("read:events", "book:sessions", "host:manage")
                .as("a host asked for admin but is not one")
                .doesNotContain("admin");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(body.path("refresh_token").asString()).isNotBlank();
        assertThat(body.path("id_token").asString()).isNotBlank();

        HttpResponse<String> userinfo = browser().get("/userinfo", "Authorization", "Bearer " + accessToken);
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).path("sub").asString()).isEqualTo(claims.getSubject());
    }

    @Test
    void aWrongCodeVerifierIsRefused() {
        String code = authorize(browser(), "guest@example.com", DEMO_PASSWORD, verifier());

        HttpResponse<String> tokens = exchange(code, verifier());

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(json(tokens).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshTokenGivesANewAccessToken() throws Exception {
        String verifier = verifier();
        JsonNode first = json(exchange(authorize(browser(), "guest@example.com", DEMO_PASSWORD, verifier), verifier));

        HttpResponse<String> refreshed = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "refresh_token",
                                first.path("refresh_token").asString()),
                        "Authorization",
                        WEB_BASIC);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String accessToken = json(refreshed).path("access_token").asString();
        assertThat(accessToken).isNotEqualTo(first.path("access_token").asString());
        JWTClaimsSet claims = verify(accessToken);
        assertThat(claims.getStringClaim("email")).isEqualTo("guest@example.com");
        assertThat(claims.getStringListClaim("roles")).containsExactly("guest");
        assertThat(claims.getStringListClaim("scope"))
                .contains("read:events", "book:sessions")
                .doesNotContain("host:manage");
    }

    @Test
    void aServiceGetsAnInternalTokenWithClientCredentials() throws Exception {
        HttpResponse<String> response = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials", "scope", "internal"),
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("svc-booking:local-svc-booking-secret".getBytes()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JWTClaimsSet claims = verify(json(response).path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("svc-booking");
        assertThat(claims.getAudience()).containsExactly("couchannel-api");
        assertThat(claims.getStringListClaim("scope")).containsExactly("internal");
        assertThat(claims.getClaim("email")).isNull();

        HttpResponse<String> wrongSecret = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials", "scope", "internal"),
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("svc-booking:guess".getBytes()));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void behindTheGatewayRedirectsUseTheForwardedPublicOrigin() {
        HttpResponse<String> response = browser()
                .get(
                        authorizeUrl(verifier()),
                        "Accept",
                        "text/html",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "couchannel.example",
                        "X-Forwarded-Port",
                        "443");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://couchannel.example/login");
    }

    /** Runs the browser part of the flow: authorize → login form → back to authorize → the code. */
    static String authorize(Browser browser, String email, String password, String verifier) {
        HttpResponse<String> start = browser.get(authorizeUrl(verifier), "Accept", "text/html");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> signedIn = browser.signIn(email, password);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> redirected = browser.get(back, "Accept", "text/html");
        assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(302);
        String callback = redirected.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(WEB_REDIRECT);
        Map<String, String> query = UriComponentsBuilder.fromUri(URI.create(callback))
                .build()
                .getQueryParams()
                .toSingleValueMap();
        assertThat(query).containsEntry("state", "s1");
        return query.get("code");
    }

    static String authorizeUrl(String verifier) {
        return "/oauth2/authorize?response_type=code&client_id=couchannel-web&state=s1"
                + "&scope=" + Browser.encode("openid read:events book:sessions host:manage admin")
                + "&redirect_uri=" + Browser.encode(WEB_REDIRECT)
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
    }

    HttpResponse<String> exchange(String code, String verifier) {
        return browser()
                .postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", WEB_REDIRECT,
                                "code_verifier", verifier),
                        "Authorization",
                        WEB_BASIC);
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
