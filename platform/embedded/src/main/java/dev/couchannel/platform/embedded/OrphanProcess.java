package dev.couchannel.platform.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process left running by a JVM that died without stopping it, found through the pid file the server keeps.
 *
 * <p>Postgres and Redis run as child processes that outlive a killed JVM; the next start must get rid of them or it
 * fails on the data directory or the port. The pid file alone is not trusted: the pid must be alive and its command
 * must look like the expected server, because pids get reused.
 */
final class OrphanProcess {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanProcess.class);

    private final ProcessHandle handle;
    private final String what;

    private OrphanProcess(ProcessHandle handle, String what) {
        this.handle = handle;
        this.what = what;
    }

    /**
     * Finds the live process named by the first line of {@code pidFile}.
     *
     * @param commandMarker a substring of the executable's name, e.g. {@code "postgres"}
     * @return empty when there is no pid file, the pid is dead, or it now belongs to an unrelated program (in which
     *     case the stale pid file is deleted so the server does not trip over it)
     */
    static Optional<OrphanProcess> find(Path pidFile, String commandMarker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("")
                    .trim();
            pid = Long.parseLong(firstLine);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("ignoring unreadable pid file {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
        if (pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> live = ProcessHandle.of(pid).filter(OrphanProcess::isRunning);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle.Info info = live.get().info();
        String command = info.command().or(info::commandLine).orElse("");
        if (!command.isEmpty() && !command.toLowerCase(Locale.ROOT).contains(commandMarker)) {
            LOG.info(
                    "pid file {} names pid {} which is now '{}', not {}; deleting the stale pid file",
                    pidFile,
                    pid,
                    command,
                    commandMarker);
            deleteQuietly(pidFile);
            return Optional.empty();
        }
        return Optional.of(new OrphanProcess(live.get(), commandMarker + " (pid " + pid + ")"));
    }

    long pid() {
        return handle.pid();
    }

    /**
     * Stops the process: first with {@code signal} (the server's graceful variant), then, after {@code grace}, with
     * SIGKILL. Returns once the process is gone.
     */
    void stop(String signal, Duration grace) {
        LOG.warn("stopping orphaned {} left behind by an earlier run (SIG{})", what, signal);
        send(signal);
        if (!awaitExit(grace)) {
            LOG.warn("{} did not stop within {}; killing it", what, grace);
            handle.destroyForcibly();
            if (!awaitExit(Duration.ofSeconds(30))) {
                throw new IllegalStateException("could not stop orphaned " + what);
            }
        }
    }

    private void send(String signal) {
        if ("TERM".equals(signal)) {
            handle.destroy();
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0 && handle.isAlive()) {
                LOG.warn("kill -{} {} failed ({}); falling back to SIGTERM", signal, handle.pid(), output.trim());
                handle.destroy();
            }
        } catch (IOException e) {
            LOG.warn("could not run kill -{} {} ({}); falling back to SIGTERM", signal, handle.pid(), e.toString());
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + what, e);
        }
    }

    private boolean awaitExit(Duration timeout) {
        return awaitExit(handle, timeout);
    }

    /**
     * Whether the process still runs. Unlike {@link ProcessHandle#isAlive()} a zombie counts as gone: a server that
     * exited stays a zombie until its parent (init, for a daemonised server) reaps it, which in some containers takes
     * seconds.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no procfs (macOS) or the process vanished meanwhile
        }
    }

    /** Waits until {@code process} no longer {@link #isRunning runs}; false if it still does after {@code timeout}. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<ProcessHandle> exit = process.onExit();
        while (isRunning(process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                exit.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // check again: a zombie never completes onExit until it is reaped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for pid " + process.pid() + " to exit", e);
            }
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
