package dev.couchannel.platform.messaging;

/**
 * A message that can never be processed (not a CloudEvent, unknown type, unparsable data). It goes
 * to the dead-letter topic at once instead of being retried.
 */
public class PoisonMessage extends RuntimeException {

    public PoisonMessage(String message) {
        super(message);
    }

    public PoisonMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
