package dev.couchannel.booking.checkout.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Enforces step deadlines: a participant that never answers cannot keep a booking PENDING. */
@Component
class SagaDeadlines {

    private final SagaCoordinator coordinator;
    private final CancellationCoordinator cancellations;

    SagaDeadlines(SagaCoordinator coordinator, CancellationCoordinator cancellations) {
        this.coordinator = coordinator;
        this.cancellations = cancellations;
    }

    @Scheduled(fixedDelayString = "${couchannel.saga.deadline-sweep:1s}")
    void sweep() {
        // a backlog (after an outage) is drained in batches of 100 sagas per transaction
        while (coordinator.handleDeadlines(100) == 100) {}
        while (cancellations.handleDeadlines(100) == 100) {}
    }
}
