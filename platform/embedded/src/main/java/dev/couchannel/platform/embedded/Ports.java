package dev.couchannel.platform.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Port checks shared by the launcher and the servers.
 *
 * <p>Every embedded server and every service needs a TCP port; when one is taken the failure deep inside a server
 * is cryptic ("Address already in use" from a child process, a Kafka fatal error), so callers check up front and fail
 * with a message that tells the developer what to do.
 */
public final class Ports {

    /** Ports handed out by {@link #free()} in this JVM, so that parallel callers do not get the same one twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Below this are the well-known ports and those many local tools expect (8080, 5432, 9092, ...). */
    private static final int LOWEST_CHOSEN = 20_000;

    /** Fewer candidates than this below the ephemeral range and {@link #free()} lets the kernel choose instead. */
    private static final int MIN_CHOICES = 1_000;

    private Ports() {}

    /**
     * Returns a TCP port that is currently free on every local address (so also on 127.0.0.1).
     *
     * <p>The port is only known to be free at the time of the call; start the server that uses it soon after. It is
     * taken from below the kernel's ephemeral range ({@code ip_local_port_range}), never from inside it: the kernel
     * gives ephemeral ports to outgoing connections, so a port from there can be taken by any client connecting
     * somewhere between this call and the server's bind (this once failed a restart in CI with "port in use").
     */
    public static int free() {
        EphemeralRange ephemeral = EphemeralRange.current();
        int low = LOWEST_CHOSEN;
        int high = ephemeral.low() - 1;
        if (high - low < MIN_CHOICES) {
            return anyFree();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(low, high + 1);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("could not find a free TCP port between " + low + " and " + high);
    }

    /** Fallback when the ephemeral range leaves no room below it: let the kernel choose. */
    private static int anyFree() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not find a free TCP port", e);
            }
        }
        throw new IllegalStateException("could not find a free TCP port that was not handed out already");
    }

    /** Whether a listener could bind {@code port} right now, strictly (no address reuse). */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The kernel's range for outgoing connections' local ports; Linux's default when it cannot be read. */
    record EphemeralRange(int low, int high) {

        private static final Path LINUX = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        private static final EphemeralRange LINUX_DEFAULT = new EphemeralRange(32_768, 60_999);

        static EphemeralRange current() {
            try {
                return parse(Files.readString(LINUX));
            } catch (IOException | RuntimeException e) {
                return LINUX_DEFAULT;
            }
        }

        static EphemeralRange parse(String text) {
            String[] bounds = text.trim().split("\\s+");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("expected two numbers, got: " + text);
            }
            return new EphemeralRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        }
    }

    /** Whether nothing listens on {@code port} on any local address (loopback included). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // allows ports whose previous connections linger in TIME_WAIT, as the servers themselves do
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails with a message a developer can act on when {@code port} is taken.
     *
     * @param port the port that is about to be used; 0 (any free port) always passes
     * @param what who wants the port, e.g. {@code "gateway"}
     * @param envVar the environment variable that overrides the port, e.g. {@code "COUCHANNEL_GATEWAY_PORT"}
     * @throws PortInUseException if something already listens on the port
     */
    public static void requireFree(int port, String what, String envVar) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " (" + what + ") is not a valid TCP port; set " + envVar
                    + " to a number between 1 and 65535");
        }
        if (port != 0 && !isFree(port)) {
            throw new PortInUseException(port, what, envVar);
        }
    }

    /** Binds a listener to a port; for {@link #bind}. */
    @FunctionalInterface
    public interface Binder<T> {
        T bind(int port) throws IOException;
    }

    /**
     * Binds an in-process listener: to {@code port} when one is configured, else to a port {@link #choose}s, and to
     * another one when that was taken between the choice and the bind. Something outside this JVM can take a free
     * port in that moment (CI once failed with "Address already in use" there); a start that asked for any port
     * should then use any other, not fail.
     *
     * @throws IOException the configured port's bind failure, or the last one after every chosen port was taken
     */
    public static <T> T bind(int port, String what, Binder<T> binder) throws IOException {
        if (port != 0) {
            return binder.bind(choose(port, what));
        }
        BindException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return binder.bind(choose(0, what));
            } catch (BindException e) {
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            }
        }
        throw last;
    }

    /**
     * The port a server is to use: {@code port} itself when one is configured (failing when it is taken), else one
     * chosen by {@link #free()} that is also free on every local address. Another process may take a chosen port
     * between the choice and the check; then another is chosen, rather than failing a start that asked for any port.
     *
     * @throws PortInUseException if the configured port is taken, or no chosen one stayed free
     */
    public static int choose(int port, String what) {
        if (port != 0) {
            if (!isFree(port)) {
                throw new PortInUseException(port, what, null);
            }
            return port;
        }
        int chosen = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            chosen = free();
            if (isFree(chosen)) {
                return chosen;
            }
        }
        throw new PortInUseException(chosen, what, null);
    }
}
