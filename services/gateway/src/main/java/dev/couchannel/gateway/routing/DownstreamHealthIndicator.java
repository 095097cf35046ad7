package dev.couchannel.gateway.routing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the gateway: {@code UP} only while every route's {@code GET <base>/readinessz}
 * answers 200 within {@code couchannel.gateway.readiness-timeout}. The services are probed in
 * parallel, so a check takes at most one timeout. Part of the {@code readiness} group only
 * ({@code /readinessz}); liveness ({@code /healthz}) never depends on another service.
 */
@Component("downstreamHealthIndicator")
class DownstreamHealthIndicator implements HealthIndicator {

    private final List<Route> routes;
    private final HttpClient client;
    private final Duration timeout;

    DownstreamHealthIndicator(RouteTable routes, HttpClient downstreamHttpClient, GatewayProperties properties) {
        this.routes = routes.all();
        this.client = downstreamHttpClient;
        this.timeout = properties.readinessTimeout();
    }

    @Override
    public Health health() {
        Map<String, CompletableFuture<Map<String, Object>>> probes = new LinkedHashMap<>();
        routes.forEach(route -> probes.put(route.name(), probe(route)));
        Map<String, Object> details = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, CompletableFuture<Map<String, Object>>> probe : probes.entrySet()) {
            Map<String, Object> result = probe.getValue().join();
            allUp &= "UP".equals(result.get("status"));
            details.put(probe.getKey(), result);
        }
        return (allUp ? Health.up() : Health.down()).withDetails(details).build();
    }

    private CompletableFuture<Map<String, Object>> probe(Route route) {
        HttpRequest request =
                HttpRequest.newBuilder(route.readiness()).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<Void>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        return answer.copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("url", route.readiness().toString());
                    if (failure != null) {
                        answer.cancel(true);
                        result.put("status", "DOWN");
                        result.put("error", describe(failure));
                    } else {
                        result.put("status", response.statusCode() == 200 ? "UP" : "DOWN");
                        result.put("httpStatus", response.statusCode());
                    }
                    return result;
                });
    }

    private String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
