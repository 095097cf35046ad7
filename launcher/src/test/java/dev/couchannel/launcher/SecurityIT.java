package dev.couchannel.launcher;

import static dev.couchannel.launcher.StackClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 12 on the whole stack: identity issues the tokens, the gateway and every service check them themselves, a
 * browser signs in through the gateway with authorization code + PKCE and keeps only a session cookie.
 */
class SecurityIT {

    @TempDir
    static Path data;

    static Stack stack;
    static StackClient client;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        stack = Stack.start(StackConfig.forTests(data));
        client = new StackClient(stack);
        assertThat(Launcher.awaitReady(stack.gateway().resolve("/readinessz"), WAIT))
                .isTrue();
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void everyServiceChecksTheTokenItselfNotOnlyTheGateway() throws Exception {
        URI bookings = stack.serviceUrls().get("booking").resolve("/api/bookings");
        String genuine = client.bearer("guest@example.com");

        assertThat(get(bookings, genuine).statusCode()).isEqualTo(200);
        assertThat(get(bookings, null).statusCode()).isEqualTo(401);
        // the header services trusted before ADR 12 names nobody any more
        HttpResponse<String> claimed = http.send(
                HttpRequest.newBuilder(bookings)
                        .header("X-Couchannel-User", "guest@example.com")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(claimed.statusCode()).isEqualTo(401);

        String token = genuine.substring("Bearer ".length());
        for (String forged : List.of(tampered(token), strangerSigned(token), "not.a.token")) {
            for (URI target : List.of(bookings, stack.gateway().resolve("/api/bookings"))) {
                HttpResponse<String> refused = get(target, "Bearer " + forged);
                assertThat(refused.statusCode()).as(target + " " + forged).isEqualTo(401);
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void aGuestGets403WhereOnlyHostsAndAdminsMayGoAndNobodySeesAnotherGuestsBooking() throws Exception {
        String guest = client.bearer("guest2@example.com");

        assertThat(get(stack.gateway().resolve("/api/admin/compliance/rules"), guest)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(stack.gateway().resolve("/api/hosts/host@example.com/dashboard"), guest)
                        .statusCode())
                .isEqualTo(403);
        // another guest's booking is not there, whether read or cancelled
        String booking = StackClient.match(
                StackClient.ID,
                client.book(
                                "guest@example.com",
                                StackClient.demoId("session:11").toString(),
                                1)
                        .body());
        assertThat(get(stack.gateway().resolve("/api/bookings/" + booking), guest)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> cancel = http.send(
                HttpRequest.newBuilder(stack.gateway().resolve("/api/bookings/" + booking + "/cancel"))
                        .header("Authorization", guest)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).isEqualTo(404);
        HttpResponse<String> own =
                get(stack.gateway().resolve("/api/hosts/me/dashboard"), client.bearer("host@example.com"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"host\":\"host@example.com\"");
        HttpResponse<String> admin =
                get(stack.gateway().resolve("/api/admin/compliance/rules"), client.bearer("admin@example.com"));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    }

    @Test
    void aBrowserSignsInWithCodeAndPkceKeepsOnlyASessionCookieAndNeedsCsrfToWrite() throws Exception {
        Browser browser = new Browser(stack.gateway());

        HttpResponse<String> start = browser.get("/bff/login");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith(stack.gateway() + "/oauth2/authorize?")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("state=");

        HttpResponse<String> loginPage = browser.follow(browser.get(authorize));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String csrf = find(Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\""), loginPage.body());
        HttpResponse<String> signedIn = browser.follow(browser.postForm(
                "/login", Map.of("username", "guest@example.com", "password", "couchannel", "_csrf", csrf)));
        assertThat(signedIn.uri().getPath()).isEqualTo("/");
        String sessionCookie = browser.setCookieHeaders().stream()
                .filter(header -> header.startsWith("COUCHANNEL_SESSION="))
                .reduce((first, last) -> last)
                .orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"guest@example.com\"").contains("guest");
        // the access token stays at the gateway: nothing the browser holds is a JWT
        assertThat(browser.cookies().values()).noneMatch(value -> value.startsWith("eyJ"));

        String quote = "{\"sessionId\":\"" + StackClient.demoId("session:11") + "\",\"seats\":1}";
        assertThat(browser.postJson("/api/quotes", quote, false).statusCode()).isEqualTo(403);
        HttpResponse<String> quoted = browser.postJson("/api/quotes", quote, true);
        assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(201);

        assertThat(browser.postJson("/bff/logout", "{}", false).statusCode()).isEqualTo(403);
        HttpResponse<String> logout = browser.postJson("/bff/logout", "{}", true);
        assertThat(logout.statusCode()).isBetween(200, 399);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The genuine token with its payload changed (now an admin): the signature no longer matches. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = Base64URL.from(parts[1]).decodeToString().replace("\"guest\"", "\"admin\"");
        return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The genuine token's claims and key id, signed with a key identity never published. */
    private static String strangerSigned(String token) throws Exception {
        SignedJWT genuine = SignedJWT.parse(token);
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(stranger.getKeyID())
                        .build(),
                claims);
        forged.sign(new RSASSASigner(stranger));
        return forged.serialize();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

    /**
     * A browser as far as this test needs one: it keeps cookies (all on the gateway's one origin, Secure ones
     * too, as a browser does on localhost), follows redirects when told, and echoes the CSRF cookie when asked.
     */
    static final class Browser {

        private final URI origin;
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final List<String> setCookies = new java.util.ArrayList<>();

        Browser(URI origin) {
            this.origin = origin;
        }

        Map<String, String> cookies() {
            return cookies;
        }

        List<String> setCookieHeaders() {
            return setCookies;
        }

        HttpResponse<String> get(String pathOrUrl) throws Exception {
            return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
            StringBuilder form = new StringBuilder();
            fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        HttpResponse<String> postJson(String path, String json, boolean withCsrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (withCsrf) {
                request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
            }
            return send(request);
        }

        /** Follows redirects (GET), up to 10, as a browser would. */
        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            HttpResponse<String> current = response;
            for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
                current = get(current.headers().firstValue("Location").orElseThrow());
            }
            return current;
        }

        private URI resolve(String pathOrUrl) {
            return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : origin.resolve(pathOrUrl);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                        .append(name)
                        .append('=')
                        .append(value));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                setCookies.add(setCookie);
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty()
                        || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }
}
