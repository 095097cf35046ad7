package dev.couchannel.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of identity's OIDC provider for the gateway's BFF login, as an answer of the fake
 * identity service: the token endpoint (authorization code with PKCE, refresh token), the JWK set
 * and userinfo. A test plays the browser: it takes the authorize redirect, "approves" it with
 * {@link #approve} and calls the gateway's callback with the code.
 */
final class StubOidcProvider {

    static final String CLIENT_ID = "couchannel-web";
    static final String CLIENT_SECRET = "local-web-secret";

    /** What the authorize request asked for, remembered under the code handed out. */
    record Grant(String challenge, String nonce, String email, List<String> roles, List<String> scopes) {}

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    final AtomicInteger refreshes = new AtomicInteger();
    volatile long accessTokenSeconds = 900;
    volatile String lastAccessToken = "";

    FakeService.Answer answer() {
        return exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/oauth2/token" -> token(exchange);
                case "/oauth2/jwks" -> FakeService.respond(exchange, 200, "application/json", Tokens.jwkSet());
                case "/userinfo" -> userinfo(exchange);
                default -> FakeService.respond(exchange, 404, "application/json", "{}");
            }
        };
    }

    /** The user approved the authorize request with these parameters; returns the code. */
    String approve(Map<String, String> authorizeParameters, String email, List<String> roles, List<String> scopes) {
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(
                        authorizeParameters.get("code_challenge"),
                        authorizeParameters.get("nonce"),
                        email,
                        roles,
                        scopes));
        return code;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(lastBody(exchange), StandardCharsets.UTF_8));
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FakeService.respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant;
        if ("authorization_code".equals(form.get("grant_type"))) {
            grant = codes.remove(form.getOrDefault("code", ""));
            if (grant == null || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                FakeService.respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (grant == null) {
                FakeService.respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            refreshes.incrementAndGet();
        } else {
            FakeService.respond(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String subject = subject(grant.email());
        Instant now = Instant.now();
        String accessToken = Tokens.sign(Tokens.claims(grant.email(), grant.roles())
                .expirationTime(Date.from(now.plusSeconds(accessTokenSeconds)))
                .build());
        String idToken = Tokens.sign(new JWTClaimsSet.Builder()
                .issuer(Tokens.ISSUER)
                .audience(CLIENT_ID)
                .subject(subject)
                .claim("email", grant.email())
                .claim("nonce", grant.nonce())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .build());
        String refreshToken = UUID.randomUUID().toString();
        refreshTokens.put(refreshToken, grant);
        lastAccessToken = accessToken;
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken);
        response.put("token_type", "Bearer");
        response.put("expires_in", accessTokenSeconds);
        response.put("refresh_token", refreshToken);
        response.put("scope", "openid profile email " + String.join(" ", grant.scopes()));
        if ("authorization_code".equals(form.get("grant_type"))) {
            response.put("id_token", idToken);
        }
        FakeService.respond(exchange, 200, "application/json", json(response));
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            FakeService.respond(exchange, 401, "application/json", "{}");
            return;
        }
        JWTClaimsSet claims;
        try {
            claims =
                    com.nimbusds.jwt.SignedJWT.parse(authorization.substring(7)).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            FakeService.respond(exchange, 401, "application/json", "{}");
            return;
        }
        FakeService.respond(
                exchange,
                200,
                "application/json",
                json(Map.of("sub", claims.getSubject(), "email", String.valueOf(claims.getClaim("email")))));
    }

    static String subject(String email) {
        return UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] lastBody(HttpExchange exchange) {
        // FakeService has read the body already and keeps it as an attribute
        return (byte[]) exchange.getAttribute(FakeService.BODY);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, ?> values) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(values);
    }
}
