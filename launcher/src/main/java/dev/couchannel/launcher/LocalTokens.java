package dev.couchannel.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens for scripts, system tests and benchmarks of a local stack, from identity's local-token
 * endpoint (ADR 12; on in the launcher only): {@code POST /local/tokens {"email": ...}}, the same endpoint
 * {@code ./couchannel token} uses. Each user's token is asked for once and reused (it lives 15 minutes).
 */
public final class LocalTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** @param identity identity's base URL, e.g. {@code stack.serviceUrls().get("identity")} */
    public LocalTokens(URI identity) {
        this.endpoint = identity.resolve("/local/tokens");
    }

    /** {@code Bearer <token>} for {@code email}; an unknown address becomes a verified guest. */
    public String bearer(String email) {
        return "Bearer " + tokens.computeIfAbsent(email.toLowerCase(Locale.ROOT), this::issue);
    }

    private String issue(String email) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("identity gave no token for " + email + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("identity's local-token endpoint " + endpoint + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking identity for a token", e);
        }
    }
}
