package dev.couchannel.platform.embedded;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node OpenSearch server, run as a child JVM of its own from the {@code couchannel-opensearch-node}
 * module, for the launcher and the tests.
 *
 * <p>OpenSearch cannot share a JVM with the services: its Jackson 2 and log4j versions clash with Spring Boot's. So
 * the node runs {@code dev.couchannel.platform.opensearch.OpenSearchNodeMain} with the same {@code java} as this JVM
 * and the classpath that module's build wrote into its jar ({@code META-INF/couchannel/opensearch-node.classpath}).
 *
 * <p>It never outlives us: the node stops when its standard input closes, which the kernel does when this JVM dies,
 * even by SIGKILL. Should one still be around (a hung shutdown), its pid file in the data directory lets the next
 * start stop it first, as for PostgreSQL and Redis.
 */
public final class OpenSearchNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchNode.class);
    private static final String MAIN = "dev.couchannel.platform.opensearch.OpenSearchNodeMain";
    private static final String CLASSPATH_RESOURCE = "META-INF/couchannel/opensearch-node.classpath";
    private static final String PID_FILE = "opensearch.pid";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final OutputStream lifeline;
    private final Path dir;
    private final boolean temporary;
    private final int port;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpenSearchNode(Process process, Path dir, boolean temporary, int port) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.dir = dir;
        this.temporary = temporary;
        this.port = port;
        this.shutdownHook = new Thread(this::close, "opensearch-" + port + "-shutdown");
    }

    /** Starts a node with a 512 MB heap; see {@link #start(Path, int, String)}. */
    public static OpenSearchNode start(Path dir, int port) {
        return start(dir, port, "512m");
    }

    /**
     * Starts a node and returns once its cluster is at least yellow.
     *
     * @param dir the node's home (data, logs, pid file, {@code opensearch.log}), kept across runs; {@code null} for a
     *     throwaway directory that is deleted on {@link #close()}
     * @param port the HTTP port (127.0.0.1 only), 0 for any free port
     * @param heap the child JVM's heap, e.g. {@code 512m}
     */
    public static OpenSearchNode start(Path dir, int port, String heap) {
        Path directory = Directories.persistentOrTemp(dir, "couchannel-opensearch-");
        boolean temporary = dir == null;
        OrphanProcess.find(directory.resolve(PID_FILE), "java")
                .ifPresent(orphan -> orphan.stop("TERM", Duration.ofSeconds(30)));
        int httpPort = Ports.choose(port, "opensearch");
        int transportPort = Ports.free();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                classpath(),
                MAIN,
                Integer.toString(httpPort),
                Integer.toString(transportPort),
                directory.toString(),
                "couchannel"));
        Path log = directory.resolve("opensearch.log");
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the OpenSearch node", e);
        }
        OpenSearchNode node = new OpenSearchNode(process, directory, temporary, httpPort);
        Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        try {
            node.awaitHealthy(log);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.info(
                "opensearch listening on port {} (pid {}) with data in {}, up in {} ms",
                httpPort,
                process.pid(),
                directory,
                (System.nanoTime() - started) / 1_000_000);
        return node;
    }

    /**
     * A jar the child JVM cannot read where it is (inside another jar), copied to a file of its own,
     * deleted when this JVM exits.
     */
    private static Path copiedOut(URL nestedJar) throws IOException {
        Path copy = Files.createTempFile("couchannel-opensearch-node-", ".jar");
        copy.toFile().deleteOnExit();
        try (var in = nestedJar.openStream()) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** The classpath of the node: the opensearch-node jar (or classes directory) plus what its build resolved. */
    static String classpath() {
        URL resource = OpenSearchNode.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(
                    CLASSPATH_RESOURCE + " is not on the classpath; build platform/opensearch-node"
                            + " (./mvnw install -pl platform/opensearch-node)");
        }
        String root;
        try {
            if ("jar".equals(resource.getProtocol())) {
                // file:/…/opensearch-node.jar, or (in the launcher's executable jar) a jar nested in it:
                // nested:/…/launcher-exec.jar/!BOOT-INF/lib/opensearch-node.jar
                String jar = resource.getPath().substring(0, resource.getPath().lastIndexOf("!/"));
                root = jar.startsWith("file:")
                        ? Path.of(new URI(jar)).toString()
                        : copiedOut(URI.create(jar).toURL()).toString();
            } else {
                Path file = Path.of(resource.toURI());
                root = file.getParent().getParent().getParent().toString();
            }
            String dependencies;
            try (var in = resource.openStream()) {
                dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            for (String entry : dependencies.split(File.pathSeparator)) {
                if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("the OpenSearch node's dependency " + entry
                            + " is missing; rebuild platform/opensearch-node against this Maven repository");
                }
            }
            return root + File.pathSeparator + dependencies;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + resource, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private void awaitHealthy(Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the OpenSearch node exited with " + process.exitValue()
                        + " while starting; see " + log + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
            }
            if (OrphanProcess.awaitExit(process.toHandle(), Duration.ofMillis(250))) {
                continue; // reported at the top of the loop
            }
        }
        throw new IllegalStateException("the OpenSearch node did not become healthy within " + START_TIMEOUT + "; see "
                + log + ":\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:9200}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The node's pid, for tests that kill it or check it is gone. */
    public long pid() {
        return process.pid();
    }

    /** Lets a caller that stops it from its own shutdown hook do so in order (see EmbeddedInfrastructure). */
    public void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** Stops the node (closing its lifeline, then SIGTERM, then SIGKILL) and deletes a throwaway directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
        try {
            lifeline.close();
        } catch (IOException e) {
            // the node is gone already
        }
        if (!OrphanProcess.awaitExit(process.toHandle(), Duration.ofSeconds(20))) {
            process.destroy();
            if (!OrphanProcess.awaitExit(process.toHandle(), Duration.ofSeconds(10))) {
                process.destroyForcibly();
                OrphanProcess.awaitExit(process.toHandle(), Duration.ofSeconds(10));
            }
        }
        LOG.info("opensearch on port {} stopped", port);
        if (temporary) {
            Directories.deleteQuietly(dir);
        }
    }
}
