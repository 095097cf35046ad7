package dev.couchannel.booking.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.booking.checkout.SagaAction.FailRefund;
import dev.couchannel.booking.checkout.SagaAction.RefundPayment;
import dev.couchannel.booking.checkout.SagaAction.ReleaseSeats;
import dev.couchannel.booking.checkout.SagaAction.SettleRefund;
import dev.couchannel.booking.reservation.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The cancellation saga as a script: given this reply or deadline, expect those commands. */
class CancellationSagaTest {

    static final UUID BOOKING = UUID.randomUUID();
    static final UUID SESSION = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-11-21T18:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Money REFUND = Money.of("40.00", "EUR");
    static final Money PENALTY = Money.of("8.00", "EUR");
    static final Money NOTHING = Money.of("0.00", "EUR");

    static CancellationSaga.Started start(Money refund, Money penalty) {
        return CancellationSaga.start(
                new CancellationSaga.Order(BOOKING, SESSION, refund, penalty, "the host cancelled the session"),
                T0,
                TIMEOUT);
    }

    final ReleaseSeats release = new ReleaseSeats(BOOKING, SESSION, "the host cancelled the session");
    final RefundPayment refund = new RefundPayment(BOOKING, REFUND, PENALTY, "the host cancelled the session");

    @Nested
    class WhenItStarts {

        @Test
        void seatsAndMoneyAreAskedBackTogether() {
            CancellationSaga.Started started = start(REFUND, PENALTY);

            assertThat(started.actions()).containsExactly(release, refund);
            assertThat(started.saga().pending()).containsExactlyInAnyOrder(CancellationSaga.Step.values());
            assertThat(started.saga().deadline()).isEqualTo(T0.plus(TIMEOUT));
        }

        @Test
        void aCancellationWithoutRefundOrPenaltyOnlyReleasesTheSeats() {
            CancellationSaga.Started started = start(NOTHING, NOTHING);

            assertThat(started.actions()).containsExactly(release);
            assertThat(started.saga().pending()).containsExactly(CancellationSaga.Step.RELEASE_SEATS);
        }

        @Test
        void aPenaltyAloneStillGoesToPayment() {
            assertThat(start(NOTHING, PENALTY).actions())
                    .containsExactly(release, new RefundPayment(BOOKING, NOTHING, PENALTY, release.reason()));
        }
    }

    @Nested
    class AsConfirmationsArrive {

        @Test
        void itCompletesOnlyWhenBothParticipantsConfirmed() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();

            assertThat(saga.on(new SagaReply.PaymentRefunded(), T0.plusSeconds(1)))
                    .isEmpty();
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.RUNNING);
            assertThat(saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(2)))
                    .containsExactly(new SettleRefund(BOOKING));
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.COMPLETED);
            assertThat(saga.completedAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(saga.deadline()).isNull();
        }

        @Test
        void repeatedAndUnrelatedRepliesChangeNothing() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();

            assertThat(saga.on(new SagaReply.SeatsReleased(), T0)).isEmpty();
            assertThat(saga.on(new SagaReply.SeatsReleased(), T0)).isEmpty();
            assertThat(saga.on(new SagaReply.PaymentCaptured(), T0)).isEmpty();
            assertThat(saga.pending()).containsExactly(CancellationSaga.Step.REFUND_PAYMENT);
            assertThat(saga.on(new SagaReply.PaymentRefunded(), T0)).containsExactly(new SettleRefund(BOOKING));
            assertThat(saga.on(new SagaReply.PaymentRefunded(), T0)).isEmpty(); // settled once
        }
    }

    @Nested
    class WhenThePaymentProviderRefusesTheRefundForGood {

        final SagaReply.PaymentRefundFailed refused =
                new SagaReply.PaymentRefundFailed("refund_declined", "The card can no longer receive refunds.");

        @Test
        void theBookingsRefundFailsAtOnceAndTheSeatsAreStillAwaited() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();

            assertThat(saga.on(refused, T0.plusSeconds(1)))
                    .containsExactly(
                            new FailRefund(BOOKING, "refund_declined", "The card can no longer receive refunds."));
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.RUNNING);
            assertThat(saga.pending()).containsExactly(CancellationSaga.Step.RELEASE_SEATS);
            assertThat(saga.refundFailure())
                    .isEqualTo(new CancellationSaga.RefundFailure(
                            "refund_declined", "The card can no longer receive refunds."));
        }

        @Test
        void noDeadlineAsksForTheRefundAgainOnlyTheSeats() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(refused, T0.plusSeconds(1));

            Instant now = T0;
            for (int i = 0; i < 5; i++) {
                now = saga.deadline();
                assertThat(saga.onDeadline(now, TIMEOUT)).containsExactly(release);
            }
        }

        @Test
        void itEndsAsFailedWhenTheSeatsAreBackWithoutSettlingTheRefund() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(refused, T0.plusSeconds(1));

            assertThat(saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(2)))
                    .isEmpty();
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.REFUND_FAILED);
            assertThat(saga.completedAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(saga.deadline()).isNull();
            assertThat(saga.onDeadline(T0.plus(Duration.ofDays(1)), TIMEOUT)).isEmpty();
        }

        @Test
        void aFailureAfterTheSeatsAreBackEndsItAtOnce() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(1));

            assertThat(saga.on(refused, T0.plusSeconds(2)))
                    .containsExactly(
                            new FailRefund(BOOKING, "refund_declined", "The card can no longer receive refunds."));
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.REFUND_FAILED);
            assertThat(saga.deadline()).isNull();
        }

        @Test
        void aRepeatedFailureOrALateConfirmationChangesNothing() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(refused, T0.plusSeconds(1));

            assertThat(saga.on(refused, T0.plusSeconds(2))).isEmpty();
            assertThat(saga.on(new SagaReply.PaymentRefunded(), T0.plusSeconds(3)))
                    .isEmpty();
            assertThat(saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(4)))
                    .as("never settled after it failed")
                    .isEmpty();
            assertThat(saga.on(refused, T0.plusSeconds(5))).isEmpty();
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.REFUND_FAILED);
        }
    }

    @Nested
    class WhenTheProviderFailsARefundItHadAccepted {

        final SagaReply.PaymentRefundFailed failedLater = new SagaReply.PaymentRefundFailed(
                "expired_or_canceled_card", "The card this booking was paid with has expired or was cancelled.");
        final FailRefund failRefund = new FailRefund(
                BOOKING,
                "expired_or_canceled_card",
                "The card this booking was paid with has expired or was cancelled.");

        @Test
        void aSettledCancellationTurnsRefundFailedAndTheBookingSaysSo() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(new SagaReply.PaymentRefunded(), T0.plusSeconds(1));
            saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(2));
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.COMPLETED);

            assertThat(saga.on(failedLater, T0.plusSeconds(3600))).containsExactly(failRefund);
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.REFUND_FAILED);
            assertThat(saga.refundFailure())
                    .isEqualTo(new CancellationSaga.RefundFailure(
                            "expired_or_canceled_card",
                            "The card this booking was paid with has expired or was cancelled."));
            assertThat(saga.on(failedLater, T0.plusSeconds(3601)))
                    .as("told once")
                    .isEmpty();
            assertThat(saga.onDeadline(T0.plusSeconds(7200), TIMEOUT)).isEmpty();
        }

        @Test
        void aRunningCancellationEndsRefundFailedOnceTheSeatsAreBack() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(new SagaReply.PaymentRefunded(), T0.plusSeconds(1));

            assertThat(saga.on(failedLater, T0.plusSeconds(2))).containsExactly(failRefund);
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.RUNNING);
            assertThat(saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(3)))
                    .as("never settled")
                    .isEmpty();
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.REFUND_FAILED);
        }

        @Test
        void aCancellationThatMovedNoMoneyIgnoresIt() {
            CancellationSaga saga = start(NOTHING, NOTHING).saga();
            saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(1));

            assertThat(saga.on(failedLater, T0.plusSeconds(2))).isEmpty();
            assertThat(saga.state()).isEqualTo(CancellationSaga.State.COMPLETED);
        }
    }

    @Nested
    class WhenAParticipantDoesNotAnswer {

        @Test
        void onlyWhatIsStillPendingIsAskedAgainWithAGrowingPause() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            saga.on(new SagaReply.SeatsReleased(), T0.plusSeconds(1));

            assertThat(saga.onDeadline(T0.plusSeconds(29), TIMEOUT)).isEmpty();
            Instant first = T0.plus(TIMEOUT);
            assertThat(saga.onDeadline(first, TIMEOUT)).containsExactly(refund);
            assertThat(saga.deadline()).isEqualTo(first.plus(TIMEOUT.multipliedBy(2)));
            Instant second = saga.deadline();
            assertThat(saga.onDeadline(second, TIMEOUT)).containsExactly(refund);
            assertThat(saga.deadline()).isEqualTo(second.plus(TIMEOUT.multipliedBy(4)));
            assertThat(saga.attempts()).isEqualTo(3);
        }

        @Test
        void thePauseNeverExceedsTenMinutes() {
            CancellationSaga saga = start(REFUND, PENALTY).saga();
            Instant now = T0;
            for (int i = 0; i < 20; i++) {
                now = saga.deadline();
                saga.onDeadline(now, TIMEOUT);
            }
            assertThat(Duration.between(now, saga.deadline())).isEqualTo(CancellationSaga.MAX_BACKOFF);
        }

        @Test
        void aCompletedCancellationHasNoDeadline() {
            CancellationSaga saga = start(NOTHING, NOTHING).saga();
            saga.on(new SagaReply.SeatsReleased(), T0);

            assertThat(saga.onDeadline(T0.plus(Duration.ofDays(1)), TIMEOUT)).isEmpty();
        }
    }
}
