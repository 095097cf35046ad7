package dev.couchannel.booking.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class DecisionsTest {

    final Decisions decisions = new Decisions();
    final UUID booking = UUID.randomUUID();

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aDecisionWakesTheRequestsWaitingForIt() throws InterruptedException {
        try (Decisions.Wait first = decisions.await(booking);
                Decisions.Wait second = decisions.await(booking);
                Decisions.Wait other = decisions.await(UUID.randomUUID())) {
            decisions.decidedOnCommit(booking);

            assertThat(first.announced()).isTrue();
            assertThat(second.announced()).isTrue();
            assertThat(other.announced()).isFalse();
            first.pause(Duration.ofDays(1)); // returns at once: the decision is in
        }
    }

    @Test
    void aDecisionIsAnnouncedOnlyOnceItsTransactionCommits() {
        try (Decisions.Wait wait = decisions.await(booking)) {
            TransactionSynchronizationManager.initSynchronization();
            decisions.decidedOnCommit(booking);
            assertThat(wait.announced()).isFalse();

            TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
            assertThat(wait.announced()).isTrue();
        }
    }

    @Test
    void aDecisionRolledBackIsNeverAnnounced() {
        try (Decisions.Wait wait = decisions.await(booking)) {
            TransactionSynchronizationManager.initSynchronization();
            decisions.decidedOnCommit(booking);
            TransactionSynchronizationUtils.invokeAfterCompletion(
                    TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_ROLLED_BACK);
            assertThat(wait.announced()).isFalse();
        }
    }

    @Test
    void aWaitThatEndsLeavesTheOtherWaitsForTheSameBookingWaiting() {
        Decisions.Wait retried;
        try (Decisions.Wait first = decisions.await(booking)) {
            retried = decisions.await(booking); // the same request again, with its Idempotency-Key
            first.close();
        }
        decisions.decidedOnCommit(booking);

        assertThat(retried.announced()).isTrue();
        retried.close();
    }

    @Test
    void aWaitThatEndedIsNotWokenLater() throws InterruptedException {
        Decisions.Wait ended = decisions.await(booking);
        ended.close();

        decisions.decidedOnCommit(booking);

        assertThat(ended.announced()).isFalse();
        try (Decisions.Wait next = decisions.await(booking)) {
            assertThat(next.announced()).isFalse(); // an announcement nobody waited for is not kept
            next.pause(Duration.ofMillis(1)); // and a pause without one runs out
            assertThat(next.announced()).isFalse();
        }
    }
}
