package dev.couchannel.platform.embedded;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pristine, never started cluster kept in the temp directory, copied into new data directories instead of running
 * {@code initdb}: initdb takes seconds (it syncs every file), a copy a fraction of that, and every test JVM of every
 * module starts a fresh cluster.
 *
 * <p>The template is saved right after the first initdb on the machine and is keyed by the location of the PostgreSQL
 * binaries on the class path, so other binaries (another PostgreSQL version) get their own template. Server settings
 * are passed on the command line at start, so one template serves every configuration.
 */
final class ClusterTemplate {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTemplate.class);
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "couchannel-postgres-templates");
    /** files that belong to one running instance, never to the template */
    private static final String LOCK_FILE = "epg-lock";

    private final Path location;

    private ClusterTemplate(Path location) {
        this.location = location;
    }

    /** The template for the binaries on the class path, or empty when they cannot be identified. */
    static Optional<ClusterTemplate> forCurrentBinaries() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        try {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
            String resource = "postgres-" + system + "-" + ArchUtils.normalize(System.getProperty("os.arch")) + ".txz";
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            boolean found = false;
            for (URL url :
                    Collections.list(ClusterTemplate.class.getClassLoader().getResources(resource))) {
                digest.update(url.toString().getBytes(StandardCharsets.UTF_8));
                found = true;
            }
            if (!found) {
                return Optional.empty();
            }
            String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            return Optional.of(new ClusterTemplate(ROOT.resolve(key)));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.debug("no postgres cluster template: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Copies the template into {@code dataDir} when there is one and {@code dataDir} is empty.
     *
     * @return whether the directory now holds a cluster
     */
    boolean copyInto(Path dataDir) {
        if (!Files.isRegularFile(location.resolve("PG_VERSION")) || !isEmpty(dataDir)) {
            return false;
        }
        try {
            copy(location, dataDir);
            LOG.debug("copied postgres cluster template {} to {}", location, dataDir);
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not copy postgres cluster template {}; running initdb instead: {}", location, e.toString());
            Directories.deleteQuietly(dataDir);
            try {
                Files.createDirectories(dataDir);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
            return false;
        }
    }

    /** Saves {@code freshCluster} (initdb done, server not yet started) as the template unless one exists. */
    void saveFrom(Path freshCluster) {
        if (Files.exists(location)) {
            return;
        }
        Path staging = location.resolveSibling(location.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(ROOT);
            copy(freshCluster, staging);
            Files.move(staging, location, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("saved postgres cluster template {}", location);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raceLost) {
            // another JVM saved it first
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not save postgres cluster template {}: {}", location, e.toString());
        } finally {
            Directories.deleteQuietly(staging);
        }
    }

    /** Drops the template, e.g. after a server failed to start from it (a temp cleaner may have eaten files). */
    void discard() {
        Directories.deleteQuietly(location);
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies a cluster with its permissions (PostgreSQL refuses a data directory others can read). */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (Files.isDirectory(target)) {
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                } else {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(LOCK_FILE)) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
