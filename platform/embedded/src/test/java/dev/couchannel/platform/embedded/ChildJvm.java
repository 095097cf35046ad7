package dev.couchannel.platform.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second JVM for the tests that need one: a JVM that dies by SIGKILL (leaving orphans behind) or one that exits
 * normally (running shutdown hooks). {@link #main} is what runs in the child; {@link #start} launches it.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * {@code postgres <dir>}: starts Postgres on {@code dir}, prints {@code STARTED <port>} and waits to be killed.
     * {@code opensearch <dir>}: starts an OpenSearch node on {@code dir}, prints {@code STARTED <port> <pid>} and waits
     * to be killed.
     * {@code infrastructure <dir>}: starts everything on {@code dir} with a shutdown hook that closes it, prints
     * {@code STARTED <postmaster pid> <redis pid>} and exits.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "postgres" -> {
                PostgresServer postgres = PostgresServer.start(dir, 0, true);
                report(Integer.toString(postgres.port()));
                System.in.read(); // blocks until the test kills us
            }
            case "opensearch" -> {
                OpenSearchNode node = OpenSearchNode.start(dir, 0);
                report(node.port() + " " + node.pid());
                System.in.read(); // blocks until the test kills us
            }
            case "infrastructure" -> {
                EmbeddedInfrastructure infrastructure =
                        EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Settings(dir, 0, 0, 0, 0, true));
                Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close));
                report(firstLine(dir.resolve("postgres/postmaster.pid")) + " "
                        + firstLine(dir.resolve("redis/redis.pid")));
                System.exit(0);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file).getFirst().trim();
    }

    private static void report(String line) {
        System.out.println("STARTED " + line);
        System.out.flush();
    }

    /** Launches the child with this JVM's test class path. */
    static Process start(String mode, Path dir) throws IOException {
        String surefire = System.getProperty("surefire.test.class.path");
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", // short-lived: start fast rather than run fast
                        "-cp",
                        surefire != null ? surefire : System.getProperty("java.class.path"),
                        ChildJvm.class.getName(),
                        mode,
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** What the child printed after {@code STARTED }. */
    static String awaitStarted(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .lines()
                .filter(line -> line.startsWith("STARTED "))
                .findFirst()
                .map(line -> line.substring("STARTED ".length()))
                .orElseThrow(() -> new AssertionError("the child JVM did not start its servers"));
    }
}
