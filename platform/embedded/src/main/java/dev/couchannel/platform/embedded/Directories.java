package dev.couchannel.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data directories of the embedded servers: either the caller's persistent one or a throwaway temp one that the
 * server deletes again when it stops.
 */
final class Directories {

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    private Directories() {}

    /** The absolute, created {@code dir}, or a new temp directory named after {@code prefix} when it is null. */
    static Path persistentOrTemp(Path dir, String prefix) {
        try {
            if (dir == null) {
                return Files.createTempDirectory(prefix).toAbsolutePath();
            }
            Path absolute = dir.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create data directory " + (dir == null ? prefix : dir), e);
        }
    }

    /** Deletes {@code dir} with all its content; logs instead of failing, because it runs while shutting down. */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a server may delete its own files while we walk (e.g. redis' pid file)
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete temp directory {}: {}", dir, e.toString());
        }
    }

    private static void deleteIfExists(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException ignored) {
            // already gone
        }
    }
}
