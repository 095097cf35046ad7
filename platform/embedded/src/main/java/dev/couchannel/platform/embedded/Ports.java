package dev.couchannel.platform.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private Ports() {}

    /**
     * Returns a TCP port that is currently free on every local address (so also on 127.0.0.1).
     *
     * <p>The port is only known to be free at the time of the call; start the server that uses it soon after.
     */
    public static int free() {
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

    /** Whether nothing listens on {@code port} on any local address (loopback included). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // allows ports whose previous connections linger in TIME_WAIT, as the servers themselves do
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress((InetAddress) null, port));
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
}
