package dev.couchannel.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server run from the binaries shipped in zonky's jars, so that neither the launcher nor the
 * tests need Docker or a locally installed database.
 *
 * <p>The postmaster is a separate OS process that survives a JVM killed with SIGKILL (an IDE "stop", {@code kill
 * -9}). A persistent data directory therefore may still be served by such an orphan when we start again; it is
 * stopped (SIGINT, PostgreSQL's "fast" shutdown) before the new server starts, unless another live process still owns
 * the directory, which is reported instead of killing someone else's database.
 *
 * <p>Settings: {@code max_connections=400} (several services with connection pools share one server) and {@code
 * wal_level=logical} (change data capture). {@code fast} trades durability for speed in tests.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    /** zonky's lock file inside the data directory, held by the JVM that runs the server */
    private static final String LOCK_FILE = "epg-lock";

    /** Servers started by this JVM and not closed, by data directory; lets a restart take over a leaked instance. */
    private static final Map<Path, PostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final Optional<ProcessHandle> postmaster;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** set when a newer server in this JVM took over the data directory; closing this one must not touch it */
    private volatile boolean superseded;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean temporary) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = postgres.getPort();
        this.postmaster = OrphanProcess.find(dataDir.resolve("postmaster.pid"), "postgres")
                .flatMap(process -> ProcessHandle.of(process.pid()));
        this.shutdownHook = new Thread(this::close, "postgres-" + port + "-shutdown");
    }

    /** Starts a durable server; see {@link #start(Path, int, boolean)}. */
    public static PostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @param dataDir the cluster directory, created and initialised when missing and reused as is otherwise; {@code
     *     null} for a throwaway directory that is deleted on {@link #close()}
     * @param port the port to listen on, 0 for any free port
     * @param fast turns off fsync, synchronous commit and full page writes: much faster, but a crash may corrupt data,
     *     so only for tests
     */
    public static PostgresServer start(Path dataDir, int port, boolean fast) {
        Path dir = Directories.persistentOrTemp(dataDir, "couchannel-postgres-");
        if (dataDir != null) {
            takeOverDataDirectory(dir);
        }
        int actualPort = Ports.choose(port, "postgres");
        Optional<ClusterTemplate> template = ClusterTemplate.forCurrentBinaries();
        boolean fromTemplate = template.map(t -> t.copyInto(dir)).orElse(false);
        try {
            return start(dir, dataDir == null, actualPort, fast, fromTemplate ? Optional.empty() : template);
        } catch (RuntimeException e) {
            if (!fromTemplate) {
                throw e;
            }
            LOG.warn("postgres did not start from the cluster template; discarding it and running initdb", e);
            template.get().discard();
            Directories.deleteQuietly(dir);
            Directories.persistentOrTemp(dir, null);
            return start(dir, dataDir == null, actualPort, fast, Optional.empty());
        }
    }

    /**
     * Starts zonky's server on a prepared directory.
     *
     * @param saveTemplate where to save the cluster as a template right after initdb, if initdb runs
     */
    private static PostgresServer start(
            Path dir, boolean temporary, int port, boolean fast, Optional<ClusterTemplate> saveTemplate) {
        String durable = fast ? "off" : "on";
        boolean initdb = !Files.exists(dir.resolve("postgresql.conf"));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("wal_level", "logical")
                    // zonky always passes -F (fsync off); these -c settings come later and win
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    // runs after initdb and before the first start: the moment the cluster is pristine
                    .setDataDirectoryCustomizer(
                            initdb ? fresh -> saveTemplate.ifPresent(t -> t.saveFrom(fresh.toPath())) : null)
                    .start();
            PostgresServer server = new PostgresServer(postgres, dir, temporary);
            RUNNING.put(dir, server);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            LOG.info("postgres listening on port {} with data in {}", port, dir);
            return server;
        } catch (IOException e) {
            if (temporary) {
                Directories.deleteQuietly(dir);
            }
            throw new UncheckedIOException("could not start postgres in " + dir + " on port " + port, e);
        }
    }

    /**
     * Makes the data directory usable for a new server: stops a postmaster left behind by a dead JVM (or by an
     * instance of this JVM that was never closed) and refuses when a live foreign process still owns the directory.
     */
    private static void takeOverDataDirectory(Path dir) {
        Optional<OrphanProcess> orphan = OrphanProcess.find(dir.resolve("postmaster.pid"), "postgres");
        Path lockFile = dir.resolve(LOCK_FILE);
        LockOwner owner = lockOwner(lockFile);
        if (owner == LockOwner.OTHER_PROCESS) {
            throw new IllegalStateException("postgres data directory " + dir + " is in use by another running process"
                    + orphan.map(o -> " (postgres pid " + o.pid() + ")").orElse("")
                    + "; stop it first (is another launcher running?)");
        }
        orphan.ifPresent(o -> o.stop("INT", Duration.ofSeconds(30)));
        if (owner == LockOwner.THIS_JVM) {
            PostgresServer leaked = RUNNING.remove(dir);
            if (leaked != null) {
                leaked.superseded = true;
            }
            // the leaked instance keeps its lock on this file until it is garbage; a new file gets a new lock
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not replace stale lock file " + lockFile, e);
            }
        }
    }

    private enum LockOwner {
        NOBODY,
        THIS_JVM,
        OTHER_PROCESS
    }

    private static LockOwner lockOwner(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return LockOwner.NOBODY;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return LockOwner.OTHER_PROCESS;
            }
            lock.release();
            return LockOwner.NOBODY;
        } catch (OverlappingFileLockException e) {
            return LockOwner.THIS_JVM;
        } catch (IOException e) {
            throw new UncheckedIOException("could not check lock file " + lockFile, e);
        }
    }

    /** JDBC URL of {@code database} on this server, without credentials (see {@link #username()}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * Creates {@code name} unless it exists; safe to call from several services starting at the same time.
     *
     * @throws IllegalStateException when the database cannot be created
     */
    public void createDatabaseIfMissing(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("database name must not be blank");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                LOG.info("created database {}", name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // duplicate_database: someone else was faster
                return;
            }
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Superuser name; the server trusts local connections, so any password works. */
    public String username() {
        return USER;
    }

    /** A password for clients that insist on one; the server does not check it. */
    public String password() {
        return PASSWORD;
    }

    /** The port the server listens on (the chosen one when started with 0). */
    public int port() {
        return port;
    }

    /** The cluster directory (a temp directory when started without one). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown) and deletes a temp data directory; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RUNNING.remove(dataDir, this);
        removeShutdownHook();
        if (superseded) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("postgres on port {} did not stop cleanly: {}", port, e.toString());
        }
        postmaster.ifPresent(PostgresServer::awaitExit);
        if (temporary) {
            Directories.deleteQuietly(dataDir);
        }
        LOG.info("postgres on port {} stopped", port);
    }

    private static void awaitExit(ProcessHandle process) {
        if (!OrphanProcess.awaitExit(process, Duration.ofSeconds(30))) {
            LOG.warn("postmaster {} still running after stop; killing it", process.pid());
            process.destroyForcibly();
        }
    }

    /** For an owner that stops this server itself, after its clients, from its own shutdown hook. */
    void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway and close() is idempotent
        }
    }
}
