package dev.couchannel.search.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP/JSON client of an OpenSearch cluster ({@code couchannel.search.opensearch.url}): the service talks REST,
 * so no OpenSearch server jar (and none of its Jackson or log4j) is on its classpath.
 */
public class OpenSearch {

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    public OpenSearch(URI base, JsonMapper json, Duration timeout) {
        this.base = base;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The answer of OpenSearch: its status and its JSON body (a missing node when it had none). */
    public record Reply(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Sends {@code body} (serialised to JSON unless it is a String already, e.g. NDJSON for _bulk). */
    public Reply send(String method, String path, @Nullable Object body) {
        byte[] payload = body == null
                ? null
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .method(
                        method,
                        payload == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            request.header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            JsonNode parsed = answer == null || answer.length == 0 ? json.missingNode() : json.readTree(answer);
            return new Reply(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new OpenSearchUnavailable("OpenSearch at " + base + " did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchUnavailable("interrupted while calling OpenSearch", e);
        }
    }

    /** Like {@link #send} but fails unless the status is 2xx. */
    public JsonNode require(String method, String path, @Nullable Object body) {
        Reply reply = send(method, path, body);
        if (!reply.ok()) {
            throw new OpenSearchUnavailable(
                    method + " " + path + " answered " + reply.status() + ": " + abbreviate(reply.body()), null);
        }
        return reply.body();
    }

    /** The JSON mapper used for requests, for callers that serialise lines of their own (NDJSON). */
    public String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    public URI base() {
        return base;
    }

    private static String abbreviate(JsonNode body) {
        String text = body.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
