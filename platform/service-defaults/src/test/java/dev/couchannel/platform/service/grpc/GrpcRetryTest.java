package dev.couchannel.platform.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GrpcRetryTest {

    final GrpcRetry retry = new GrpcRetry(3, Duration.ofMillis(1));
    final AtomicInteger tries = new AtomicInteger();

    @Test
    void aPassingFailureIsTriedAgainUntilItWorks() {
        String answer = retry.call("inventory", () -> {
            if (tries.incrementAndGet() < 3) {
                throw Status.UNAVAILABLE.asRuntimeException();
            }
            return "found";
        });

        assertThat(answer).isEqualTo("found");
        assertThat(tries).hasValue(3);
    }

    @Test
    void theLastFailureIsThrownAfterTheLastTry() {
        assertThatThrownBy(() -> retry.call("inventory", () -> {
                    tries.incrementAndGet();
                    throw Status.DEADLINE_EXCEEDED.asRuntimeException();
                }))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
        assertThat(tries).hasValue(3);
    }

    @Test
    void anAnswerThatWillNotChangeIsNotTriedAgain() {
        assertThatThrownBy(() -> retry.call("inventory", () -> {
                    tries.incrementAndGet();
                    throw Status.NOT_FOUND.asRuntimeException();
                }))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void anInterruptedWaitEndsAsCancelledAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new GrpcRetry(3, Duration.ofSeconds(10)).call("hosting", () -> {
                        throw Status.UNAVAILABLE.asRuntimeException();
                    }))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void atLeastOneTry() {
        assertThat(new GrpcRetry(0, Duration.ZERO).attempts()).isEqualTo(1);
    }
}
