package dev.couchannel.payment.intent.stripe;

import com.stripe.StripeClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for {@code api.stripe.com} on a local port: it records every request stripe-java
 * sends and answers with Stripe responses recorded under {@code src/test/resources/stripe/}, in
 * the order they were scripted. {@link #hang()} scripts a response that never comes in time.
 */
public final class RecordedStripe implements AutoCloseable {

    /** A request as Stripe would have received it; header names in lower case. */
    public record Request(String method, String path, Map<String, String> headers, Map<String, String> form) {

        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Reply(int status, @Nullable String resource) {}

    public static final String API_KEY = "sk_test_contract_51QxTest";

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public RecordedStripe() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        // a hanging answer must not hold up the next request
        server.setExecutor(executor);
        server.start();
    }

    /** Scripts the next answer: HTTP {@code status} with the recorded body {@code stripe/<resource>}. */
    public RecordedStripe reply(int status, String resource) {
        synchronized (script) {
            script.add(new Reply(status, resource));
        }
        return this;
    }

    /** Scripts an answer that only comes when the test is over (the client times out first). */
    public RecordedStripe hang() {
        synchronized (script) {
            script.add(new Reply(0, null));
        }
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        return requests.getLast();
    }

    /** A client of this server, as {@code StripeConfiguration} builds one for api.stripe.com. */
    public StripeClient client(Duration readTimeout) {
        return StripeClient.builder()
                .setApiKey(API_KEY)
                .setApiBase("http://localhost:" + server.getAddress().getPort())
                .setConnectTimeout(2_000)
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setMaxNetworkRetries(0)
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    headers,
                    form(body.isEmpty() && query != null ? query : body)));
            Reply reply;
            synchronized (script) {
                reply = script.poll();
            }
            if (reply == null) {
                send(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"nothing scripted\"}}");
                return;
            }
            if (reply.resource() == null) {
                await();
                send(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"too late\"}}");
                return;
            }
            send(exchange, reply.status(), recorded(reply.resource()));
        }
    }

    private void await() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_recorded_" + status);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String recorded(String resource) {
        try (InputStream in = RecordedStripe.class.getResourceAsStream("/stripe/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response stripe/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
