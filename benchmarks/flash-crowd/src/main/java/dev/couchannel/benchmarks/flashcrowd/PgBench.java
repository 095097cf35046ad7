package dev.couchannel.benchmarks.flashcrowd;

import dev.couchannel.platform.embedded.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code pgbench} against the stack's own PostgreSQL server with the bare booking
 * transaction ({@code pgbench/booking.sql}) on one hot session row: the most one session can take
 * when nothing but the database stands between the guest and the seat.
 */
final class PgBench {

    static final String DATABASE = "flash_pgbench";
    static final String SESSION = "f1a5c0de-0000-4000-8000-000000000001";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    record Result(double tps, double latencyMillis, int clients, int seconds, String command, String output) {}

    private final Path pgbench;
    private final PostgresServer postgres;

    PgBench(Path pgbench, PostgresServer postgres) {
        this.pgbench = pgbench;
        this.postgres = postgres;
    }

    /** Fails early and clearly when pgbench is not there (the package is named in the README). */
    String version() throws IOException, InterruptedException {
        if (!Files.isExecutable(pgbench)) {
            throw new IllegalStateException(
                    pgbench + " not found: install Debian's postgresql-15 (pgbench) and postgresql-client-common "
                            + "(the /usr/bin wrapper), or pass --pgbench <path>");
        }
        return exec(List.of(pgbench.toString(), "--version")).strip();
    }

    Result run(int clients, int seconds) throws IOException, InterruptedException {
        postgres.createDatabaseIfMissing(DATABASE);
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(resource("pgbench/schema.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the pgbench database", e);
        }
        Path script = Files.createTempFile("flash-crowd-booking", ".sql");
        try {
            Files.writeString(script, resource("pgbench/booking.sql"));
            List<String> command = new ArrayList<>(List.of(
                    pgbench.toString(),
                    "-h",
                    "localhost",
                    "-p",
                    Integer.toString(postgres.port()),
                    "-U",
                    postgres.username(),
                    "-n", // no vacuum of pgbench's own tables: there are none
                    "-M",
                    "prepared",
                    "-c",
                    Integer.toString(clients),
                    "-j",
                    Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                    "-T",
                    Integer.toString(seconds),
                    "-D",
                    "session=" + SESSION,
                    "-f",
                    script.toString(),
                    DATABASE));
            String output = exec(command);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench reported no TPS:\n" + output);
            }
            Matcher latency = LATENCY.matcher(output);
            return new Result(
                    Double.parseDouble(tps.group(1)),
                    latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN,
                    clients,
                    seconds,
                    String.join(" ", command).replace(script.toString(), "booking.sql"),
                    output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", postgres.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "):\n" + output);
        }
        return output;
    }

    static String resource(String name) {
        try (InputStream in = PgBench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
