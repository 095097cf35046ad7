package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSearchNodeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void keepsDocumentsAcrossARestartOnTheSameDirectory() throws Exception {
        Path dir = tmp.resolve("opensearch");
        try (OpenSearchNode node = OpenSearchNode.start(dir, 0)) {
            // indices are created explicitly (auto-creation is off, so a typo in a name fails loudly)
            assertThat(send(node, "PUT", "/venues", "{}").statusCode()).isEqualTo(200);
            assertThat(send(node, "PUT", "/venues/_doc/london-flat?refresh=true", "{\"city\":\"London\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        try (OpenSearchNode node = OpenSearchNode.start(dir, 0)) {
            HttpResponse<String> found = send(node, "GET", "/venues/_doc/london-flat", null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"city\":\"London\"");
        }
    }

    @Test
    void aThrowawayNodeIsGoneWithItsDirectoryAfterClose() throws Exception {
        OpenSearchNode node = OpenSearchNode.start(null, 0);
        ProcessHandle process = ProcessHandle.of(node.pid()).orElseThrow();
        assertThat(send(node, "GET", "/", null).body()).contains("\"distribution\" : \"opensearch\"");

        node.close();
        node.close();

        assertThat(OrphanProcess.isRunning(process)).isFalse();
        assertThat(Ports.isFree(node.port())).isTrue();
    }

    @Test
    void theNodeDiesWithAKilledParentJvm() throws Exception {
        Path dir = tmp.resolve("orphan");
        Process parent = ChildJvm.start("opensearch", dir);
        try {
            String[] started = ChildJvm.awaitStarted(parent).split(" ");
            ProcessHandle node = ProcessHandle.of(Long.parseLong(started[1])).orElseThrow();
            assertThat(OrphanProcess.isRunning(node)).isTrue();

            parent.destroyForcibly();
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(60)).until(() -> !OrphanProcess.isRunning(node));
            try (OpenSearchNode again = OpenSearchNode.start(dir, Integer.parseInt(started[0]))) {
                assertThat(send(again, "GET", "/_cluster/health", null).statusCode())
                        .isEqualTo(200);
            }
        } finally {
            parent.destroyForcibly();
        }
    }

    private static HttpResponse<String> send(OpenSearchNode node, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
