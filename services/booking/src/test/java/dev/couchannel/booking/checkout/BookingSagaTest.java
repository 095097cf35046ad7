package dev.couchannel.booking.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.booking.checkout.SagaAction.AuthorizePayment;
import dev.couchannel.booking.checkout.SagaAction.CapturePayment;
import dev.couchannel.booking.checkout.SagaAction.CheckBooking;
import dev.couchannel.booking.checkout.SagaAction.ConfirmBooking;
import dev.couchannel.booking.checkout.SagaAction.ConfirmQuote;
import dev.couchannel.booking.checkout.SagaAction.ConfirmSeats;
import dev.couchannel.booking.checkout.SagaAction.FailRefund;
import dev.couchannel.booking.checkout.SagaAction.HoldSeats;
import dev.couchannel.booking.checkout.SagaAction.PriceBooking;
import dev.couchannel.booking.checkout.SagaAction.RejectBooking;
import dev.couchannel.booking.checkout.SagaAction.ReleaseQuote;
import dev.couchannel.booking.checkout.SagaAction.ReleaseSeats;
import dev.couchannel.booking.checkout.SagaAction.VoidPayment;
import dev.couchannel.booking.reservation.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reads like a script: given this reply, expect that command. One test per failure path. */
class BookingSagaTest {

    static final Instant T0 = Instant.parse("2026-11-21T18:00:00Z");
    static final BookingSaga.Timeouts TIMEOUTS =
            new BookingSaga.Timeouts(Duration.ofSeconds(30), Duration.ofMinutes(10));
    static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-000000000051");
    static final UUID QUOTE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final Money TOTAL = Money.of("25.00", "EUR");
    static final String DECLINED = "Your card was declined.";

    final BookingSaga.Started started = BookingSaga.start(
            new BookingSaga.Order(BOOKING, SESSION, 2, "guest@example.com", "pm_card_visa", QUOTE, null), T0, TIMEOUTS);
    final BookingSaga saga = started.saga();

    List<SagaAction> reply(SagaReply reply, int atSecond) {
        return saga.on(reply, T0.plusSeconds(atSecond), TIMEOUTS);
    }

    List<SagaAction> deadline(int atSecond) {
        return saga.onDeadline(T0.plusSeconds(atSecond), TIMEOUTS);
    }

    void seatsHeld() {
        reply(new SagaReply.SeatsHeld(T0.plusSeconds(600), "host@example.com"), 1);
    }

    void quoted() {
        seatsHeld();
        reply(new SagaReply.QuoteConfirmed(TOTAL), 1);
    }

    void allowed() {
        quoted();
        reply(new SagaReply.BookingAllowed(), 1);
    }

    void authorized() {
        allowed();
        reply(new SagaReply.PaymentAuthorized(), 2);
    }

    void seatsSold() {
        authorized();
        reply(new SagaReply.SeatsConfirmed(), 3);
    }

    static ReleaseSeats release(String why) {
        return new ReleaseSeats(BOOKING, SESSION, why);
    }

    static ReleaseQuote releaseQuote(String why) {
        return new ReleaseQuote(BOOKING, why);
    }

    static VoidPayment voidPayment(String why) {
        return new VoidPayment(BOOKING, why);
    }

    @Nested
    class TheHappyPath {

        @Test
        void holdsTheSeatsFirstForTheHoldDuration() {
            assertThat(started.actions())
                    .containsExactly(new HoldSeats(
                            BOOKING, SESSION, 2, T0.plus(Duration.ofMinutes(10)), "guest@example.com", null));
            assertThat(saga.deadline()).isEqualTo(T0.plusSeconds(30));
        }

        @Test
        void heldSeatsLockTheQuoteThenThePriceIsCheckedAgainstTheRulesThenPaid() {
            assertThat(reply(new SagaReply.SeatsHeld(T0.plusSeconds(600), "host@example.com"), 1))
                    .containsExactly(new ConfirmQuote(BOOKING, SESSION, 2, "guest@example.com", QUOTE));
            assertThat(reply(new SagaReply.QuoteConfirmed(TOTAL), 1))
                    .containsExactly(
                            new PriceBooking(BOOKING, TOTAL),
                            new CheckBooking(BOOKING, SESSION, 2, "guest@example.com"));
            assertThat(reply(new SagaReply.BookingAllowed(), 1))
                    .containsExactly(new AuthorizePayment(
                            BOOKING, "guest@example.com", "host@example.com", SESSION, TOTAL, "pm_card_visa"));
        }

        @Test
        void anAuthorizedPaymentSellsTheSeatsThenCapturesThenConfirms() {
            allowed();
            assertThat(reply(new SagaReply.PaymentAuthorized(), 2)).containsExactly(new ConfirmSeats(BOOKING, SESSION));
            assertThat(reply(new SagaReply.SeatsConfirmed(), 3)).containsExactly(new CapturePayment(BOOKING));
            assertThat(reply(new SagaReply.PaymentCaptured(), 4)).containsExactly(new ConfirmBooking(BOOKING));
            assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPLETED);
            assertThat(saga.deadline()).isNull();
        }

        @Test
        void repeatedRepliesChangeNothing() {
            seatsSold();
            reply(new SagaReply.PaymentCaptured(), 4);

            assertThat(reply(new SagaReply.PaymentCaptured(), 5)).isEmpty();
            assertThat(reply(new SagaReply.SeatsHeld(T0, "host@example.com"), 5))
                    .isEmpty();
            assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPLETED);
        }
    }

    @Nested
    class EachStepFailing {

        @Test
        void noSeatsRejectsWithInventorysReasonAndCompensatesNothing() {
            assertThat(reply(new SagaReply.SeatsUnavailable("Only 1 seat is left."), 1))
                    .containsExactly(new RejectBooking(BOOKING, "Only 1 seat is left."));
            assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
        }

        @Test
        void aRejectedQuoteReleasesTheSeats() {
            seatsHeld();

            assertThat(reply(new SagaReply.QuoteRejected("Your price quote expired; get a new one."), 2))
                    .containsExactly(
                            release("CONFIRM_QUOTE failed"),
                            new RejectBooking(BOOKING, "Your price quote expired; get a new one."));
        }

        @Test
        void aComplianceRefusalReleasesTheQuoteAndTheSeats() {
            quoted();

            assertThat(reply(new SagaReply.BookingRefused("Only 150 people may watch here."), 2))
                    .containsExactly(
                            releaseQuote("CHECK_BOOKING failed"),
                            release("CHECK_BOOKING failed"),
                            new RejectBooking(BOOKING, "Only 150 people may watch here."));
        }

        @Test
        void aDeclinedPaymentReleasesTheQuoteAndTheSeats() {
            allowed();

            assertThat(reply(new SagaReply.PaymentDeclined(DECLINED), 2))
                    .containsExactly(
                            releaseQuote("AUTHORIZE_PAYMENT failed"),
                            release("AUTHORIZE_PAYMENT failed"),
                            new RejectBooking(BOOKING, DECLINED));
            assertThat(saga.pending())
                    .containsExactlyInAnyOrder(
                            BookingSaga.Compensation.RELEASE_QUOTE, BookingSaga.Compensation.RELEASE_SEATS);

            reply(new SagaReply.SeatsReleased(), 3);
            assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPENSATING);
            reply(new SagaReply.QuoteReleased(), 3);
            assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
        }

        @Test
        void seatsThatCouldNotBeSoldVoidThePayment() {
            authorized();

            assertThat(reply(new SagaReply.SeatsConfirmationFailed("The seat reservation expired."), 3))
                    .containsExactly(
                            voidPayment("CONFIRM_SEATS failed"),
                            releaseQuote("CONFIRM_SEATS failed"),
                            new RejectBooking(BOOKING, "The seat reservation expired."));
            assertThat(saga.pending())
                    .containsExactlyInAnyOrder(
                            BookingSaga.Compensation.VOID_PAYMENT, BookingSaga.Compensation.RELEASE_QUOTE);
        }

        @Test
        void aFailedCaptureVoidsThePaymentAndReleasesTheSoldSeats() {
            seatsSold();

            assertThat(reply(new SagaReply.PaymentCaptureFailed("Capture refused."), 4))
                    .containsExactly(
                            voidPayment("CAPTURE_PAYMENT failed"),
                            releaseQuote("CAPTURE_PAYMENT failed"),
                            release("CAPTURE_PAYMENT failed"),
                            new RejectBooking(BOOKING, "Capture refused."));

            reply(new SagaReply.PaymentVoided(), 5);
            reply(new SagaReply.QuoteReleased(), 5);
            assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPENSATING);
            reply(new SagaReply.SeatsReleased(), 6);
            assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
        }
    }

    @Nested
    class EachStepTimingOut {

        @Test
        void aHoldThatTimesOutIsReleased() {
            assertThat(deadline(29)).isEmpty();

            assertThat(deadline(30))
                    .containsExactly(
                            release("HOLD_SEATS timed out"), new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
            assertThat(saga.state()).isEqualTo(BookingSaga.State.COMPENSATING);
        }

        @Test
        void aQuoteThatTimesOutIsReleasedWithTheSeats() {
            seatsHeld();

            assertThat(deadline(31))
                    .containsExactly(
                            releaseQuote("CONFIRM_QUOTE timed out"),
                            release("CONFIRM_QUOTE timed out"),
                            new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
        }

        @Test
        void aComplianceCheckThatTimesOutReleasesTheQuoteAndTheSeats() {
            quoted();

            assertThat(deadline(31))
                    .containsExactly(
                            releaseQuote("CHECK_BOOKING timed out"),
                            release("CHECK_BOOKING timed out"),
                            new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
        }

        @Test
        void anAuthorizationThatTimesOutIsVoidedAndTheSeatsReleased() {
            allowed();

            assertThat(deadline(31))
                    .containsExactly(
                            voidPayment("AUTHORIZE_PAYMENT timed out"),
                            releaseQuote("AUTHORIZE_PAYMENT timed out"),
                            release("AUTHORIZE_PAYMENT timed out"),
                            new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
        }

        @Test
        void aSaleThatTimesOutIsUndoneBothWays() {
            authorized();

            assertThat(deadline(32))
                    .containsExactly(
                            voidPayment("CONFIRM_SEATS timed out"),
                            releaseQuote("CONFIRM_SEATS timed out"),
                            release("CONFIRM_SEATS timed out"),
                            new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
        }

        @Test
        void aCaptureThatTimesOutIsVoidedWhichRefundsItIfItHappened() {
            seatsSold();

            assertThat(deadline(33))
                    .containsExactly(
                            voidPayment("CAPTURE_PAYMENT timed out"),
                            releaseQuote("CAPTURE_PAYMENT timed out"),
                            release("CAPTURE_PAYMENT timed out"),
                            new RejectBooking(BOOKING, BookingSaga.TIMED_OUT));
        }

        @Test
        void unansweredCompensationsAreAskedAgainUntilConfirmed() {
            allowed();
            deadline(31);
            reply(new SagaReply.PaymentVoided(), 32);
            reply(new SagaReply.QuoteReleased(), 32);

            assertThat(deadline(61)).containsExactly(release("compensation retry 2"));
            reply(new SagaReply.SeatsReleased(), 62);
            assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
            assertThat(deadline(600)).isEmpty();
        }
    }

    @Nested
    class LateReplies {

        @Test
        void aQuoteLockedAfterTheSagaGaveUpIsReleased() {
            seatsHeld();
            deadline(31);
            reply(new SagaReply.QuoteReleased(), 32);
            reply(new SagaReply.SeatsReleased(), 32);

            assertThat(reply(new SagaReply.QuoteConfirmed(TOTAL), 40))
                    .containsExactly(releaseQuote("late reply after the booking was rejected"));
        }

        @Test
        void seatsHeldAfterTheSagaGaveUpAreReleased() {
            deadline(30);
            reply(new SagaReply.SeatsReleased(), 31);

            assertThat(reply(new SagaReply.SeatsHeld(T0.plusSeconds(600), "host@example.com"), 32))
                    .containsExactly(release("late reply after the booking was rejected"));
        }

        @Test
        void aPaymentAuthorizedAfterTheSagaGaveUpIsVoided() {
            allowed();
            deadline(31);
            reply(new SagaReply.PaymentVoided(), 32);
            reply(new SagaReply.QuoteReleased(), 32);
            reply(new SagaReply.SeatsReleased(), 33);

            assertThat(reply(new SagaReply.PaymentAuthorized(), 40))
                    .containsExactly(voidPayment("late reply after the booking was rejected"));
        }

        @Test
        void lateSuccessesWhileCompensatingNeedNothingMore() {
            allowed();
            deadline(31);

            assertThat(reply(new SagaReply.PaymentAuthorized(), 32)).isEmpty();
            assertThat(saga.pending()).containsExactlyInAnyOrder(BookingSaga.Compensation.values());
        }
    }

    @Nested
    class WhenTheVoidsRefundIsRefusedForGood {

        final SagaReply.PaymentRefundFailed refused =
                new SagaReply.PaymentRefundFailed("refund_declined", "The card can no longer receive refunds.");
        final FailRefund failRefund =
                new FailRefund(BOOKING, "refund_declined", "The card can no longer receive refunds.");

        @Test
        void theVoidIsOverTheBookingSaysSoAndTheSagaEndsOnceTheSeatsAreBack() {
            seatsSold();
            reply(new SagaReply.PaymentCaptureFailed("Capture refused."), 4); // a capture that happened after all

            assertThat(reply(refused, 5)).containsExactly(failRefund);
            assertThat(saga.pending())
                    .containsExactlyInAnyOrder(
                            BookingSaga.Compensation.RELEASE_QUOTE, BookingSaga.Compensation.RELEASE_SEATS);
            reply(new SagaReply.QuoteReleased(), 6);
            assertThat(reply(new SagaReply.SeatsReleased(), 7)).isEmpty();
            assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
            assertThat(deadline(600)).as("the void is never asked again").isEmpty();
        }

        @Test
        void noDeadlineAsksForTheVoidAgainOnceItFailed() {
            seatsSold();
            deadline(33);
            reply(refused, 34);

            assertThat(deadline(64))
                    .containsExactly(releaseQuote("compensation retry 2"), release("compensation retry 2"));
        }

        @Test
        void aFailureAfterTheSagaEndedStillMarksTheBooking() {
            seatsSold();
            deadline(33);
            reply(new SagaReply.PaymentVoided(), 34);
            reply(new SagaReply.QuoteReleased(), 34);
            reply(new SagaReply.SeatsReleased(), 35);

            // the provider accepted the void's refund, then failed it (a webhook)
            assertThat(reply(refused, 3600)).containsExactly(failRefund);
            assertThat(saga.state()).isEqualTo(BookingSaga.State.FAILED);
        }
    }
}
