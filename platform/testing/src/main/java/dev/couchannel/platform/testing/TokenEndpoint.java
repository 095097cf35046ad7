package dev.couchannel.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * identity's client-credentials grant, for tests of a single service: {@code POST /oauth2/token} with HTTP Basic
 * {@code svc-<name>:<anything>} answers a {@link TestTokens#serviceToken} for that client. One per test JVM.
 */
final class TokenEndpoint {

    private static URI uri;

    private TokenEndpoint() {}

    static synchronized URI uri() {
        if (uri == null) {
            uri = start();
        }
        return uri;
    }

    private static URI start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/token", exchange -> {
                String basic = exchange.getRequestHeaders().getFirst("Authorization");
                String client = basic == null || !basic.startsWith("Basic ")
                        ? null
                        : new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                                .split(":", 2)[0];
                byte[] body = client == null
                        ? "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8)
                        : ("{\"access_token\":\"" + TestTokens.serviceToken(client)
                                        + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")
                                .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(client == null ? 401 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-token-endpoint-stop"));
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test token endpoint", e);
        }
    }
}
