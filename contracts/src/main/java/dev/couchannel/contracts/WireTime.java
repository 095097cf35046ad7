package dev.couchannel.contracts;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Converts between {@link Instant} and the {@code google.protobuf.Timestamp} of the contracts, losslessly. */
public final class WireTime {

    private WireTime() {}

    public static Timestamp of(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    public static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
