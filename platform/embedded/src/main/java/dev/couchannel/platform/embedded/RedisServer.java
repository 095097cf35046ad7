package dev.couchannel.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server from the binary shipped in the embedded-redis jar, so no Redis install or Docker is needed.
 *
 * <p>Redis runs as a child process that survives a JVM killed with SIGKILL. It writes its pid to {@code redis.pid}
 * in its directory; the next start on the same directory stops such an orphan (SIGTERM, which makes Redis save its
 * snapshot) before starting a new server. Data is snapshotted to {@code dump.rdb} in the same directory, so a
 * persistent directory keeps the data across clean restarts.
 */
public final class RedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisServer.class);
    private static final String PID_FILE = "redis.pid";

    private final redis.embedded.RedisServer server;
    private final Path dir;
    private final boolean temporary;
    private final int port;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisServer(redis.embedded.RedisServer server, Path dir, boolean temporary, int port) {
        this.server = server;
        this.dir = dir;
        this.temporary = temporary;
        this.port = port;
        this.shutdownHook = new Thread(this::close, "redis-" + port + "-shutdown");
    }

    /**
     * Starts Redis and returns once it accepts connections.
     *
     * @param dir where the snapshot, the pid file and the extracted binary live; {@code null} for a throwaway
     *     directory (without snapshots) that is deleted on {@link #close()}
     * @param port the port to listen on (127.0.0.1 only), 0 for any free port
     */
    public static RedisServer start(Path dir, int port) {
        Path directory = Directories.persistentOrTemp(dir, "couchannel-redis-");
        boolean temporary = dir == null;
        OrphanProcess.find(directory.resolve(PID_FILE), "redis-server")
                .ifPresent(orphan -> orphan.stop("TERM", Duration.ofSeconds(30)));
        int actualPort = Ports.choose(port, "redis");
        try {
            Path bin = Files.createDirectories(directory.resolve("bin"));
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    // one copy of the binary per directory: no races between JVMs sharing a cache
                    .executableProvider(ExecutableProvider.newJarResourceProvider(bin.toFile()))
                    .bind("127.0.0.1")
                    .port(actualPort)
                    .setting("daemonize no")
                    .setting("dir " + quoted(directory))
                    .setting("pidfile " + quoted(directory.resolve(PID_FILE)))
                    .setting("appendonly no")
                    // Redis 6.2 takes one "save <seconds> <changes>" pair per line
                    .settingIf(temporary, "save \"\"")
                    .settingIf(!temporary, "save 3600 1")
                    .settingIf(!temporary, "save 300 100")
                    .settingIf(!temporary, "save 60 10000")
                    .soutListener(line -> LOG.debug("redis:{} {}", actualPort, line))
                    .serrListener(line -> LOG.warn("redis:{} {}", actualPort, line))
                    .build();
            server.start();
            RedisServer redis = new RedisServer(server, directory, temporary, actualPort);
            Runtime.getRuntime().addShutdownHook(redis.shutdownHook);
            LOG.info("redis listening on port {} with data in {}", actualPort, directory);
            return redis;
        } catch (IOException e) {
            if (temporary) {
                Directories.deleteQuietly(directory);
            }
            throw new UncheckedIOException("could not start redis on port " + actualPort + " in " + directory, e);
        }
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The port Redis listens on (the chosen one when started with 0). */
    public int port() {
        return port;
    }

    /** The directory with snapshot and pid file (a temp directory when started without one). */
    public Path dir() {
        return dir;
    }

    /** For an owner that stops this server itself, after its clients, from its own shutdown hook. */
    void removeShutdownHook() {
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway and close() is idempotent
            }
        }
    }

    /** Stops Redis (it saves a snapshot first when persistent) and deletes a temp directory; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("redis on port {} did not stop cleanly: {}", port, e.toString());
        }
        if (temporary) {
            Directories.deleteQuietly(dir);
        }
        LOG.info("redis on port {} stopped", port);
    }
}
