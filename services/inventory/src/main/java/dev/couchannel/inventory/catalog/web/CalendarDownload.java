package dev.couchannel.inventory.catalog.web;

import dev.couchannel.platform.service.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Fetches a calendar file by URL: http(s) only, 5 s to connect and to answer, at most 1 MiB. */
@Component
class CalendarDownload {

    static final int MAX_BYTES = 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    String fetch(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("url is not a valid URL: " + e.getMessage() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ApiProblem.badRequest("url must be an absolute http:// or https:// URL, not '" + url + "'.");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw unfetchable(url, "it answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw unfetchable(url, "the file is larger than 1 MiB");
                }
                return text(bytes);
            }
        } catch (HttpTimeoutException e) {
            throw unfetchable(url, "it did not answer within 5 s");
        } catch (IOException e) {
            throw unfetchable(
                    url,
                    "the connection failed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unfetchable(url, "the service is shutting down");
        }
    }

    private static ApiProblem unfetchable(String url, String why) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Calendar not fetched",
                "Could not fetch " + url + ": " + why + ". Check the URL, or upload the file instead.",
                Map.of());
    }

    /** A file's text: UTF-8, without a byte order mark. */
    static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
