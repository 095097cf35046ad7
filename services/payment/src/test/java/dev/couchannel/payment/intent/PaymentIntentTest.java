package dev.couchannel.payment.intent;

import static dev.couchannel.payment.intent.PaymentFixtures.NOW;
import static dev.couchannel.payment.intent.PaymentFixtures.TEN_PERCENT;
import static dev.couchannel.payment.intent.PaymentFixtures.authorizedPayment;
import static dev.couchannel.payment.intent.PaymentFixtures.capturedPayment;
import static dev.couchannel.payment.intent.PaymentFixtures.pendingPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.Split;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentIntentTest {

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Nested
    class Authorization {

        @Test
        void anApprovalAuthorizesAPendingPayment() {
            PaymentIntent intent = pendingPayment();

            AuthorizationOutcome outcome = intent.authorize("ch_1", NOW);

            assertThat(outcome).isEqualTo(new AuthorizationOutcome.Authorized(intent.paymentId(), eur("100.00")));
            assertThat(intent.status()).isEqualTo(PaymentStatus.AUTHORIZED);
            assertThat(intent.providerRef()).isEqualTo("ch_1");
        }

        @Test
        void aDeclineKeepsTheGuestReadableReason() {
            PaymentIntent intent = pendingPayment();

            AuthorizationOutcome outcome = intent.decline("card_declined", "Your card was declined.", NOW);

            assertThat(outcome)
                    .isEqualTo(new AuthorizationOutcome.Declined("card_declined", "Your card was declined."));
            assertThat(intent.status()).isEqualTo(PaymentStatus.DECLINED);
        }

        @Test
        void aLaterAnswerDoesNotChangeARecordedOne() {
            PaymentIntent declined = pendingPayment();
            declined.decline("card_declined", "Your card was declined.", NOW);
            PaymentIntent authorized = authorizedPayment();

            assertThat(declined.authorize("ch_2", NOW)).isInstanceOf(AuthorizationOutcome.Declined.class);
            assertThat(authorized.decline("card_declined", "no", NOW))
                    .isInstanceOf(AuthorizationOutcome.Authorized.class);
            assertThat(authorized.providerRef()).isEqualTo("ch_sandbox_1");
        }

        @Test
        void aPendingPaymentReportsPending() {
            assertThat(pendingPayment().authorization()).isInstanceOf(AuthorizationOutcome.Pending.class);
        }

        @Test
        void aPaymentIsForAPositiveAmount() {
            assertThatThrownBy(() -> pendingPayment(eur("0.00"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Capture {

        @Test
        void capturingSplitsTheAmountBetweenHostAndPlatform() {
            PaymentIntent intent = authorizedPayment();

            CaptureOutcome outcome = intent.capture(TEN_PERCENT, NOW);

            assertThat(outcome).isEqualTo(new CaptureOutcome.Captured(new Split(eur("90.00"), eur("10.00")), true));
            assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(intent.refundable()).isEqualTo(eur("100.00"));
        }

        @Test
        void aRepeatedCaptureReportsTheFirstWithoutCapturingAgain() {
            PaymentIntent intent = capturedPayment();

            CaptureOutcome again = intent.capture(TEN_PERCENT, NOW);

            assertThat(again).isEqualTo(new CaptureOutcome.Captured(new Split(eur("90.00"), eur("10.00")), false));
        }

        @Test
        void aVoidedOrDeclinedPaymentCannotBeCaptured() {
            PaymentIntent voided = authorizedPayment();
            voided.voidPayment("saga compensation", NOW);
            PaymentIntent declined = pendingPayment();
            declined.decline("card_declined", "Your card was declined.", NOW);

            assertThat(voided.capture(TEN_PERCENT, NOW))
                    .isEqualTo(new CaptureOutcome.NotCaptured("The payment was cancelled before it was captured."));
            assertThat(declined.capture(TEN_PERCENT, NOW)).isInstanceOf(CaptureOutcome.NotCaptured.class);
            assertThat(pendingPayment().capture(TEN_PERCENT, NOW)).isInstanceOf(CaptureOutcome.NotCaptured.class);
            assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
        }
    }

    @Nested
    class Voiding {

        @Test
        void voidingAnAuthorizationReleasesIt() {
            PaymentIntent intent = authorizedPayment();

            assertThat(intent.voidPayment("seats gone", NOW)).isInstanceOf(VoidOutcome.AuthorizationReleased.class);
            assertThat(intent.status()).isEqualTo(PaymentStatus.VOIDED);
            assertThat(intent.voidPayment("seats gone", NOW)).isInstanceOf(VoidOutcome.NothingToVoid.class);
        }

        @Test
        void voidingACapturedPaymentRefundsItInFull() {
            PaymentIntent intent = capturedPayment();

            VoidOutcome outcome = intent.voidPayment("confirmation failed", NOW);

            assertThat(outcome).isInstanceOfSatisfying(VoidOutcome.RefundedInFull.class, refunded -> assertThat(
                            refunded.refund().split())
                    .isEqualTo(new Split(eur("90.00"), eur("10.00"))));
            assertThat(intent.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(intent.refundable().isZero()).isTrue();
            assertThat(intent.voidPayment("again", NOW)).isInstanceOf(VoidOutcome.NothingToVoid.class);
        }

        @Test
        void voidingAfterAPartialRefundRefundsTheRest() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("30.00"), "one seat", NOW);

            VoidOutcome outcome = intent.voidPayment("host cancelled", NOW);

            assertThat(outcome).isInstanceOfSatisfying(VoidOutcome.RefundedInFull.class, refunded -> assertThat(
                            refunded.refund().amount())
                    .isEqualTo(eur("70.00")));
            assertThat(intent.refunded()).isEqualTo(new Split(eur("90.00"), eur("10.00")));
        }

        @Test
        void voidingADeclinedPaymentGivesNothingBack() {
            PaymentIntent intent = pendingPayment();
            intent.decline("card_declined", "Your card was declined.", NOW);

            assertThat(intent.voidPayment("rejected", NOW)).isInstanceOf(VoidOutcome.NothingToVoid.class);
            assertThat(intent.status()).isEqualTo(PaymentStatus.DECLINED);
        }
    }

    @Nested
    class Refunds {

        @Test
        void aPartialRefundGivesBackInProportionAndLeavesTheRestRefundable() {
            PaymentIntent intent = capturedPayment();

            RefundOutcome outcome = intent.refund(eur("25.00"), "one seat cancelled", NOW);

            assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refunded.class, refunded -> {
                assertThat(refunded.justNow()).isTrue();
                assertThat(refunded.refund().split()).isEqualTo(new Split(eur("22.50"), eur("2.50")));
            });
            assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
            assertThat(intent.refundable()).isEqualTo(eur("75.00"));
        }

        @Test
        void theSameRefundRequestedAgainRefundsOnce() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("25.00"), "one seat cancelled", NOW);

            RefundOutcome again = intent.refund(eur("25.00"), "one seat cancelled", NOW);

            assertThat(again)
                    .isInstanceOfSatisfying(RefundOutcome.Refunded.class, refunded -> assertThat(refunded.justNow())
                            .isFalse());
            assertThat(intent.refunds()).hasSize(1);
            assertThat(intent.refundable()).isEqualTo(eur("75.00"));
        }

        @Test
        void aRefundForAnotherReasonIsAFurtherRefund() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("25.00"), "one seat cancelled", NOW);

            intent.refund(eur("25.00"), "host was late", NOW);

            assertThat(intent.refunds()).hasSize(2);
            assertThat(intent.refundable()).isEqualTo(eur("50.00"));
        }

        @Test
        void aRefundNeverGivesBackMoreThanWasCaptured() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("80.00"), "most seats", NOW);

            RefundOutcome outcome = intent.refund(eur("50.00"), "the rest", NOW);

            assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refunded.class, refunded -> assertThat(
                            refunded.refund().amount())
                    .isEqualTo(eur("20.00")));
            assertThat(intent.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(intent.refund(eur("1.00"), "more", NOW)).isInstanceOf(RefundOutcome.NothingToRefund.class);
        }

        @Test
        void nothingIsRefundedBeforeACaptureOrInAnotherCurrency() {
            assertThat(authorizedPayment().refund(eur("10.00"), "r", NOW))
                    .isInstanceOf(RefundOutcome.NothingToRefund.class);
            assertThat(capturedPayment().refund(Money.of("10.00", "PLN"), "r", NOW))
                    .isInstanceOf(RefundOutcome.NothingToRefund.class);
        }
    }

    @Nested
    class RefusedRefunds {

        @Test
        void aRefundTheProviderRefusedGivesNothingBackAndIsAnsweredSoWhenAskedAgain() {
            PaymentIntent intent = capturedPayment();

            RefundOutcome refused =
                    intent.refundRefused(eur("100.00"), "host cancelled", "refund_declined", "No refunds.", NOW);
            RefundOutcome again = intent.refund(eur("100.00"), "host cancelled", NOW.plusSeconds(60));

            assertThat(refused).isInstanceOfSatisfying(RefundOutcome.Refused.class, outcome -> {
                assertThat(outcome.justNow()).isTrue();
                assertThat(outcome.failure().code()).isEqualTo("refund_declined");
                assertThat(outcome.failure().providerReason()).isEqualTo("No refunds.");
                assertThat(outcome.failure().requested()).isEqualTo(eur("100.00"));
                assertThat(outcome.failure().failedAt()).isEqualTo(NOW);
            });
            assertThat(again)
                    .isEqualTo(new RefundOutcome.Refused(intent.refundFailures().getFirst(), false));
            assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(intent.refunds()).isEmpty();
            assertThat(intent.refundable()).isEqualTo(eur("100.00"));
        }

        @Test
        void aRefusalIsRecordedOnceAndNeverTurnsAnEarlierRefundIntoAFailure() {
            PaymentIntent intent = capturedPayment();
            intent.refundRefused(eur("100.00"), "host cancelled", "refund_declined", "No refunds.", NOW);
            intent.refund(eur("10.00"), "one seat", NOW);

            RefundOutcome refusedAgain = intent.refundRefused(
                    eur("100.00"), "host cancelled", "charge_disputed", "Disputed.", NOW.plusSeconds(1));
            RefundOutcome refundedBefore =
                    intent.refundRefused(eur("10.00"), "one seat", "refund_declined", "No refunds.", NOW);

            assertThat(refusedAgain).isInstanceOfSatisfying(RefundOutcome.Refused.class, outcome -> {
                assertThat(outcome.justNow()).isFalse();
                assertThat(outcome.failure().code()).isEqualTo("refund_declined");
            });
            assertThat(refundedBefore)
                    .isInstanceOfSatisfying(RefundOutcome.Refunded.class, outcome -> assertThat(outcome.justNow())
                            .isFalse());
            assertThat(intent.refundFailures()).hasSize(1);
            assertThat(intent.refundable()).isEqualTo(eur("90.00"));
        }

        @Test
        void theHostPenaltyIsChargedWhateverBecameOfTheGuestsRefund() {
            PaymentIntent intent = capturedPayment();
            intent.refundRefused(eur("100.00"), "host cancelled", "refund_declined", "No refunds.", NOW);

            assertThat(intent.penalizeHost(eur("20.00"), NOW))
                    .isEqualTo(new PenaltyOutcome.Charged(eur("20.00"), true));
        }
    }

    @Nested
    class HostPenalty {

        @Test
        void aHostWhoCancelledIsChargedThePenaltyOnce() {
            PaymentIntent intent = capturedPayment();

            PenaltyOutcome first = intent.penalizeHost(eur("20.00"), NOW);
            PenaltyOutcome again = intent.penalizeHost(eur("20.00"), NOW);
            PenaltyOutcome other = intent.penalizeHost(eur("35.00"), NOW);

            assertThat(first).isEqualTo(new PenaltyOutcome.Charged(eur("20.00"), true));
            assertThat(again).isEqualTo(new PenaltyOutcome.Charged(eur("20.00"), false));
            assertThat(other)
                    .as("one penalty per booking, whatever a later request asks")
                    .isEqualTo(new PenaltyOutcome.Charged(eur("20.00"), false));
            assertThat(intent.hostPenalty()).contains(eur("20.00"));
        }

        @Test
        void aPenaltyMayFollowAFullRefund() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("100.00"), "host cancelled", NOW);

            assertThat(intent.penalizeHost(eur("20.00"), NOW)).isInstanceOf(PenaltyOutcome.Charged.class);
        }

        @Test
        void noPenaltyWithoutACaptureWithoutAnAmountOrInAnotherCurrency() {
            assertThat(authorizedPayment().penalizeHost(eur("20.00"), NOW))
                    .isInstanceOf(PenaltyOutcome.NoPenalty.class);
            assertThat(capturedPayment().penalizeHost(eur("0.00"), NOW)).isInstanceOf(PenaltyOutcome.NoPenalty.class);
            assertThat(capturedPayment().penalizeHost(Money.of("20.00", "PLN"), NOW))
                    .isInstanceOf(PenaltyOutcome.NoPenalty.class);
            PaymentIntent unpenalised = authorizedPayment();
            unpenalised.penalizeHost(eur("20.00"), NOW);
            assertThat(unpenalised.hostPenalty()).isEmpty();
        }
    }

    @Nested
    class ProviderReports {

        @Test
        void aReleaseReportedByTheProviderVoidsAnAuthorization() {
            PaymentIntent intent = authorizedPayment();

            assertThat(intent.releasedByProvider(NOW)).isTrue();
            assertThat(intent.status()).isEqualTo(PaymentStatus.VOIDED);
            assertThat(intent.releasedByProvider(NOW)).isFalse();
        }

        @Test
        void aReleaseCannotUndoACapture() {
            PaymentIntent intent = capturedPayment();

            assertThat(intent.releasedByProvider(NOW)).isFalse();
            assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(intent.refunds()).isEmpty();
        }
    }

    @Nested
    class RefusedVoids {

        @Test
        void aVoidWhoseFullRefundIsRefusedRecordsTheFailureUnderTheVoidKeyAndMovesNothing() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("30.00"), "goodwill", NOW);

            VoidOutcome outcome = intent.voidRefused("saga compensation", "refund_declined", "No refunds.", NOW);

            RefundFailure failure = ((VoidOutcome.RefundRefused) outcome).failure();
            assertThat(((VoidOutcome.RefundRefused) outcome).justNow()).isTrue();
            assertThat(failure.key()).isEqualTo(Refund.VOID_KEY);
            assertThat(failure.requested()).as("what was left to give back").isEqualTo(eur("70.00"));
            assertThat(failure.reason()).isEqualTo("saga compensation");
            assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
            assertThat(intent.refundable()).isEqualTo(eur("70.00"));
            assertThat(intent.refunds()).hasSize(1);
        }

        @Test
        void aVoidAskedAgainAfterARefusalAnswersTheRefusalAndRefundsNothing() {
            PaymentIntent intent = capturedPayment();
            intent.voidRefused("saga compensation", "refund_declined", "No refunds.", NOW);

            VoidOutcome again = intent.voidPayment("compensation retry 2", NOW);
            VoidOutcome refusedAgain = intent.voidRefused("compensation retry 3", "other", "Other.", NOW);

            assertThat(again).isInstanceOf(VoidOutcome.RefundRefused.class);
            assertThat(((VoidOutcome.RefundRefused) again).justNow()).isFalse();
            assertThat(((VoidOutcome.RefundRefused) refusedAgain).failure().code())
                    .isEqualTo("refund_declined");
            assertThat(intent.refundFailures()).hasSize(1);
            assertThat(intent.refunds()).isEmpty();
            assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
        }

        @Test
        void aRefusalOfAnAuthorizationsVoidIsNoRefundFailure() {
            PaymentIntent intent = authorizedPayment();

            VoidOutcome outcome = intent.voidRefused("saga compensation", "refund_declined", "No refunds.", NOW);

            assertThat(outcome).isInstanceOf(VoidOutcome.AuthorizationReleased.class);
            assertThat(intent.status()).isEqualTo(PaymentStatus.VOIDED);
            assertThat(intent.refundFailures()).isEmpty();
        }
    }

    @Nested
    class LateRefundFailures {

        @Test
        void aRefundTheProviderFailsLaterIsReversedAndRecordedAsRefused() {
            PaymentIntent intent = capturedPayment();
            Refund refund = ((RefundOutcome.Refunded) intent.refund(eur("100.00"), "host cancelled", NOW)).refund();

            PaymentIntent.RefundReversal reversal = intent.refundFailedLater(
                            refund.key(), "expired_or_canceled_card", "The card expired.", NOW)
                    .orElseThrow();

            assertThat(reversal.refund()).isEqualTo(refund);
            assertThat(reversal.failure().requested()).isEqualTo(eur("100.00"));
            assertThat(reversal.failure().reason()).isEqualTo("host cancelled");
            assertThat(reversal.failure().code()).isEqualTo("expired_or_canceled_card");
            assertThat(intent.refunds()).isEmpty();
            assertThat(intent.refundable()).as("the money never left").isEqualTo(eur("100.00"));
            assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(intent.refund(eur("100.00"), "host cancelled", NOW))
                    .as("the same request is answered with the failure from now on")
                    .isEqualTo(new RefundOutcome.Refused(reversal.failure(), false));
        }

        @Test
        void aLateFailureOfOneOfTwoRefundsLeavesTheOtherAndIsReportedOnce() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("20.00"), "first", NOW);
            Refund second = ((RefundOutcome.Refunded) intent.refund(eur("30.00"), "second", NOW)).refund();

            assertThat(intent.refundFailedLater(second.key(), "declined", "Declined.", NOW))
                    .isPresent();
            assertThat(intent.refundFailedLater(second.key(), "declined", "Declined.", NOW))
                    .as("the same failure delivered again")
                    .isEmpty();
            assertThat(intent.refundFailedLater("r-unknown", "declined", "Declined.", NOW))
                    .isEmpty();

            assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
            assertThat(intent.refunded().total()).isEqualTo(eur("20.00"));
            assertThat(intent.refundFailures()).hasSize(1);
        }
    }

    @Nested
    class Resolutions {

        @Test
        void anOperatorsRepaymentResolvesTheFailureAndBecomesARefundOfWhatWasLeft() {
            PaymentIntent intent = capturedPayment();
            intent.refundRefused(eur("100.00"), "host cancelled", "refund_declined", "No refunds.", NOW);

            ResolutionOutcome outcome = intent.resolveRefundFailures("SEPA-123", "paid by bank", "admin@x", NOW);

            ResolutionOutcome.Resolved resolved = (ResolutionOutcome.Resolved) outcome;
            assertThat(resolved.justNow()).isTrue();
            assertThat(resolved.repayments()).singleElement().satisfies(repayment -> {
                assertThat(repayment.amount()).isEqualTo(eur("100.00"));
                assertThat(repayment.split()).isEqualTo(new Split(eur("90.00"), eur("10.00")));
            });
            RefundFailure.Resolution resolution = resolved.failures().getFirst().resolution();
            assertThat(resolution).isNotNull();
            assertThat(resolution.reference()).isEqualTo("SEPA-123");
            assertThat(resolution.repaid()).isEqualTo(eur("100.00"));
            assertThat(intent.refundFailures()).allMatch(RefundFailure::isResolved);
            assertThat(intent.status()).isEqualTo(PaymentStatus.REFUNDED);
        }

        @Test
        void theSameReferenceAgainRepeatsTheAnswerAndAnotherIsAConflict() {
            PaymentIntent intent = capturedPayment();
            intent.voidRefused("saga compensation", "refund_declined", "No refunds.", NOW);
            intent.resolveRefundFailures("SEPA-123", "", "admin@x", NOW);

            ResolutionOutcome again = intent.resolveRefundFailures("SEPA-123", "again", "admin@y", NOW);
            ResolutionOutcome other = intent.resolveRefundFailures("SEPA-999", "", "admin@y", NOW);

            assertThat(again).isInstanceOf(ResolutionOutcome.Resolved.class);
            assertThat(((ResolutionOutcome.Resolved) again).justNow()).isFalse();
            assertThat(((ResolutionOutcome.Resolved) again).repayments()).isEmpty();
            assertThat(other).isInstanceOf(ResolutionOutcome.ResolvedBefore.class);
            assertThat(intent.refunds()).hasSize(1);
            assertThat(intent.voidPayment("compensation retry", NOW))
                    .as("nothing is left to give back")
                    .isEqualTo(new VoidOutcome.NothingToVoid());
        }

        @Test
        void aPaymentWithoutAFailedRefundHasNothingToResolve() {
            PaymentIntent intent = capturedPayment();
            intent.refund(eur("10.00"), "goodwill", NOW);

            assertThat(intent.resolveRefundFailures("SEPA-1", "", "admin@x", NOW))
                    .isEqualTo(new ResolutionOutcome.NothingFailed());
            assertThat(intent.refunds()).hasSize(1);
        }

        @Test
        void aRepaymentGivesBackNoMoreThanIsLeftOfTheCapture() {
            PaymentIntent intent = capturedPayment();
            intent.refundRefused(eur("100.00"), "host cancelled", "refund_declined", "No refunds.", NOW);
            intent.refund(eur("60.00"), "goodwill", NOW);

            ResolutionOutcome.Resolved resolved =
                    (ResolutionOutcome.Resolved) intent.resolveRefundFailures("SEPA-7", "", "admin@x", NOW);

            assertThat(resolved.repayments())
                    .singleElement()
                    .extracting(Refund::amount)
                    .isEqualTo(eur("40.00"));
            assertThat(resolved.failures().getFirst().resolution().repaid()).isEqualTo(eur("40.00"));
            assertThat(intent.refundable().isZero()).isTrue();
        }
    }

    @Test
    void aCopyChangesIndependently() {
        PaymentIntent intent = capturedPayment();

        PaymentIntent trial = intent.copy();
        trial.refund(eur("10.00"), "try", NOW);

        assertThat(intent.refunds()).isEmpty();
        assertThat(trial.refunds()).hasSize(1);
    }
}
