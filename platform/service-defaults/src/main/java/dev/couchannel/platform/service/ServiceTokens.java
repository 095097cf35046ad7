package dev.couchannel.platform.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * This service's own access token, for calls to other services (zero trust inside: a gRPC call carries a token
 * as an HTTP call does). It is asked from identity with the OAuth2 client-credentials grant (client
 * {@code svc-<service>}, scope {@code internal}) and reused until a minute before it expires.
 */
public class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final URI tokenUri;
    private final String basicCredentials;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile @Nullable Token current;

    private record Token(String value, Instant renewAt) {}

    public ServiceTokens(URI tokenUri, String clientId, String clientSecret, Clock clock) {
        this.tokenUri = tokenUri;
        this.basicCredentials =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /**
     * A valid token, fetched when there is none or it is about to expire.
     *
     * @throws IllegalStateException when identity cannot be reached or refuses this service
     */
    public String token() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        renewing.lock();
        try {
            token = current;
            if (token == null || !clock.instant().isBefore(token.renewAt())) {
                token = fetch();
                current = token;
            }
            return token.value();
        } finally {
            renewing.unlock();
        }
    }

    private Token fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=internal"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("identity refused this service's client credentials at " + tokenUri
                        + ": HTTP " + response.statusCode());
            }
            Matcher expiresIn = EXPIRES_IN.matcher(response.body());
            Duration lifetime =
                    expiresIn.find() ? Duration.ofSeconds(Long.parseLong(expiresIn.group(1))) : Duration.ZERO;
            Duration reuse = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                    ? lifetime.minus(RENEW_BEFORE_EXPIRY)
                    : lifetime.dividedBy(2);
            return new Token(token.group(1), clock.instant().plus(reuse));
        } catch (IOException e) {
            throw new IllegalStateException("identity's token endpoint " + tokenUri + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking identity for a service token", e);
        }
    }
}
