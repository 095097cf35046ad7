package dev.couchannel.platform.embedded;

/**
 * Thrown before starting something whose port is taken, so the launcher can print one clear line instead of a stack
 * trace from deep inside a server.
 */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final String what;

    /**
     * Builds the developer-facing message from the port, its user and the variable that overrides it.
     *
     * @param envVar the environment variable that chooses the port, or null when the caller does not know it
     */
    public PortInUseException(int port, String what, String envVar) {
        super("port " + port + " (" + what + ") is already in use by another process; stop it or "
                + (envVar == null ? "configure another port" : "set " + envVar + " to a free port"));
        this.port = port;
        this.what = what;
    }

    /** The port that was found taken. */
    public int port() {
        return port;
    }

    /** Who wanted the port, e.g. {@code "postgres"}; lets a launcher name its own override variable. */
    public String what() {
        return what;
    }
}
