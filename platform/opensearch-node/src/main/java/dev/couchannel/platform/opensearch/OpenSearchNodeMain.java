package dev.couchannel.platform.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node in this JVM until told to stop, for the launcher and the tests.
 *
 * <p>Arguments: {@code <http port> <transport port> <base dir> [cluster name]}. The node keeps its data under {@code
 * <base dir>/node_1}, writes this JVM's pid to {@code <base dir>/opensearch.pid} (so that a later start can find and
 * stop an orphan) and stops when its standard input reaches end of file: the parent holds the pipe open, and when the
 * parent dies, even by SIGKILL, the kernel closes it, so the node never outlives the JVM that started it.
 */
public final class OpenSearchNodeMain {

    private OpenSearchNodeMain() {}

    /** Starts the node; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: OpenSearchNodeMain <http port> <transport port> <base dir> [cluster name]");
            System.exit(2);
        }
        int httpPort = Integer.parseInt(args[0]);
        int transportPort = Integer.parseInt(args[1]);
        Path baseDir = Path.of(args[2]).toAbsolutePath();
        String clusterName = args.length > 3 ? args[3] : "couchannel";
        Files.createDirectories(baseDir);
        Path pidFile = baseDir.resolve("opensearch.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);

        OpenSearchRunner runner = new OpenSearchRunner();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runner, pidFile, stopped), "opensearch-stop"));
        runner.onBuild((number, settings) -> {
            settings.put("http.port", Integer.toString(httpPort));
            settings.put("transport.port", Integer.toString(transportPort));
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            // a nearly full disk on a laptop or CI runner must not turn the indices read-only
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put("action.auto_create_index", "false");
            settings.put("node.store.allow_mmap", "true");
        });
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(baseDir.toString())
                .numOfNode(1)
                .clusterName(clusterName)
                .disableESLogger());
        runner.ensureYellow();
        System.out.println("opensearch node up on http://127.0.0.1:" + httpPort);
        System.out.flush();

        Thread watcher = Thread.ofPlatform().name("opensearch-parent-watch").start(() -> {
            awaitEndOfInput(System.in);
            System.exit(0); // runs the shutdown hook, which stops the node
        });
        watcher.join();
        stopped.await();
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything it does is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone too
        }
    }

    private static void stop(OpenSearchRunner runner, Path pidFile, CountDownLatch stopped) {
        try {
            if (!runner.isClosed()) {
                runner.close();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the OpenSearch node cleanly: " + e);
        } finally {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                System.err.println("could not delete " + pidFile + ": " + e);
            }
            stopped.countDown();
        }
    }
}
