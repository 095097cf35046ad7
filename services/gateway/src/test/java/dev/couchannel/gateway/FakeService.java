package dev.couchannel.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A downstream service for tests: records what reaches it and answers what a test tells it to. */
final class FakeService implements AutoCloseable {

    /** One request as the service saw it. */
    record Received(String method, String uri, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name, List.of());
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How the service answers a request under /api. */
    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** The exchange attribute holding the request body, read before the answer runs. */
    static final String BODY = "couchannel.body";

    static final Answer OK_JSON = exchange -> respond(exchange, 200, "application/json", "{\"ok\":true}");

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Answer answer = OK_JSON;
    private volatile Answer readiness = exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");

    private FakeService(HttpServer server) {
        this.server = server;
    }

    static FakeService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeService service = new FakeService(server);
            server.createContext("/readinessz", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    service.readiness.answer(exchange);
                }
            });
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    exchange.setAttribute(BODY, body);
                    service.received.add(new Received(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().toString(),
                            exchange.getRequestHeaders(),
                            body));
                    service.answer.answer(exchange);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base URL on which nothing listens: connections are refused. */
    static URI unreachable() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(Answer answer) {
        this.answer = answer;
    }

    void readiness(Answer readiness) {
        this.readiness = readiness;
    }

    void readinessStatus(int status) {
        readiness(exchange -> respond(exchange, status, "application/json", "{}"));
    }

    /** Back to answering 200 everywhere, with nothing recorded. */
    void reset() {
        answer = OK_JSON;
        readinessStatus(200);
        received.clear();
    }

    /** The next request the service received; fails if none arrives soon. */
    Received nextRequest() {
        try {
            Received request = received.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            if (request == null) {
                throw new AssertionError("the service received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether no request has reached the service (since the last reset). */
    boolean receivedNothing() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
