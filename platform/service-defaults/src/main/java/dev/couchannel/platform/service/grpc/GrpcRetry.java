package dev.couchannel.platform.service.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blocking gRPC call tried again when it failed for a passing reason ({@link #TRANSIENT}), with
 * a pause that doubles each time, up to {@code attempts} tries; any other failure, or the last,
 * is thrown as it came. The deadline of each try is the caller's (set it on the stub).
 *
 * @param attempts how many tries in all (at least 1)
 * @param backoff the pause after the first failed try
 */
public record GrpcRetry(int attempts, Duration backoff) {

    /** Failures worth another try: the server was unreachable, slow, overloaded or raced. */
    public static final Set<Status.Code> TRANSIENT = EnumSet.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED);

    private static final Logger log = LoggerFactory.getLogger(GrpcRetry.class);

    public GrpcRetry {
        attempts = Math.max(1, attempts);
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, but is " + backoff);
        }
    }

    /**
     * @param service who answers, for the log (e.g. {@code inventory})
     * @throws StatusRuntimeException the failure that ended the tries; {@code CANCELLED} when the
     *     thread was interrupted while waiting
     */
    public <T> T call(String service, Supplier<T> call) {
        long pause = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (attempt >= attempts || !TRANSIENT.contains(e.getStatus().getCode())) {
                    throw e;
                }
                log.info(
                        "{} call failed ({}), try {} of {}",
                        service,
                        e.getStatus().getCode(),
                        attempt,
                        attempts);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
                }
                pause *= 2;
            }
        }
    }
}
