package dev.couchannel.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A browser's cookie jar in front of the JDK client (which never follows redirects). */
final class Browser {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, request -> request.GET());
    }

    HttpResponse<String> send(String path, UnaryOperator<HttpRequest.Builder> request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.apply(builder).build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** The query parameters of a redirect's Location. */
    static Map<String, String> query(URI location) {
        return StubOidcProvider.form(location.getRawQuery() == null ? "" : location.getRawQuery());
    }
}
