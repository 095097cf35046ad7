package dev.couchannel.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingTest {

    static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");

    static Booking pendingBooking() {
        return Booking.request(
                UUID.randomUUID(), "guest@example.com", UUID.randomUUID(), 2, "pm_card_visa", null, null, NOW);
    }

    @Test
    void theConfirmationCarriesWhatTheGuestPaid() {
        Booking booking = pendingBooking();
        Money paid = Money.of("42.50", "EUR");
        booking.price(paid, NOW);

        assertThat(booking.confirm(NOW))
                .get()
                .isInstanceOfSatisfying(BookingEvent.BookingConfirmed.class, confirmed -> assertThat(confirmed.total())
                        .isEqualTo(paid));
    }

    @Test
    void aPendingBookingIsDecidedOnce() {
        Booking booking = pendingBooking();

        assertThat(booking.confirm(NOW)).containsInstanceOf(BookingEvent.BookingConfirmed.class);
        assertThat(booking.reject("too late", NOW)).isEmpty();
        assertThat(booking.confirm(NOW)).isEmpty();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.reason()).isNull();
    }

    @Test
    void aRejectionKeepsItsReason() {
        Booking booking = pendingBooking();

        assertThat(booking.reject("This session is sold out.", NOW))
                .contains(new BookingEvent.BookingRejected(
                        booking.id(), booking.sessionId(), "guest@example.com", "This session is sold out."));
        assertThat(booking.status()).isEqualTo(BookingStatus.REJECTED);
    }

    @Test
    void seatCountsOutsideOneToTwentyAreNotBookings() {
        assertThatThrownBy(() ->
                        Booking.request(UUID.randomUUID(), "g", UUID.randomUUID(), 0, "pm_card_visa", null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        Booking.request(UUID.randomUUID(), "g", UUID.randomUUID(), 21, "pm_card_visa", null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Booking confirmedBooking(String total) {
        Booking booking = pendingBooking();
        booking.price(Money.of(total, "EUR"), NOW);
        booking.confirm(NOW);
        return booking;
    }

    @Test
    void aConfirmedBookingIsCancelledOnceAndSettledWhenTheSagaEnds() {
        Booking booking = confirmedBooking("40.00");
        Cancellation terms = Cancellation.ofSession(
                booking, CancelledBy.HOST, new BigDecimal("0.20"), "the host cancelled the session");

        assertThat(booking.cancel(terms, NOW))
                .contains(new BookingEvent.BookingCancelled(
                        booking.id(), booking.sessionId(), "guest@example.com", 2, terms));
        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.cancellation()).contains(terms);
        assertThat(booking.refundSettledAt()).isNull();
        assertThat(booking.cancel(Cancellation.byAdmin(booking), NOW)).isEmpty();
        assertThat(booking.cancellation()).contains(terms);

        booking.settleRefund(NOW.plusSeconds(5));
        booking.settleRefund(NOW.plusSeconds(9));
        assertThat(booking.refundSettledAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void aRefundThatFailedForGoodSaysSoAndIsNeverSettledAfterwards() {
        Booking booking = confirmedBooking("40.00");
        assertThat(booking.refundStatus()).isEmpty();
        booking.failRefund(NOW);
        assertThat(booking.refundStatus())
                .as("only a cancelled booking has a refund")
                .isEmpty();

        booking.cancel(Cancellation.byAdmin(booking), NOW);
        assertThat(booking.refundStatus()).contains(Booking.RefundStatus.PENDING);
        booking.failRefund(NOW.plusSeconds(5));
        booking.settleRefund(NOW.plusSeconds(9));

        assertThat(booking.refundStatus()).contains(Booking.RefundStatus.FAILED);
        assertThat(booking.refundFailedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(booking.refundSettledAt()).isNull();
    }

    @Test
    void aSettledRefundTurnsFailedWhenTheProviderFailsItLater() {
        Booking booking = confirmedBooking("40.00");
        booking.cancel(Cancellation.byAdmin(booking), NOW);
        booking.settleRefund(NOW.plusSeconds(5));

        booking.failRefund(NOW.plusSeconds(9)); // a Stripe refund that failed after it was accepted
        booking.failRefund(NOW.plusSeconds(12));
        booking.settleRefund(NOW.plusSeconds(15));

        assertThat(booking.refundStatus()).contains(Booking.RefundStatus.FAILED);
        assertThat(booking.refundFailedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(booking.refundSettledAt()).isNull();
    }

    @Test
    void aFailedRefundThatAnOperatorGaveBackByHandIsSettledAndOnlyAFailedOneIs() {
        Booking cancelled = confirmedBooking("40.00");
        cancelled.cancel(Cancellation.byAdmin(cancelled), NOW);
        cancelled.settleFailedRefund(NOW.plusSeconds(3));
        assertThat(cancelled.refundStatus()).as("nothing failed").contains(Booking.RefundStatus.PENDING);

        cancelled.failRefund(NOW.plusSeconds(5));
        cancelled.settleFailedRefund(NOW.plusSeconds(9));

        assertThat(cancelled.refundStatus()).contains(Booking.RefundStatus.SETTLED);
        assertThat(cancelled.refundSettledAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(cancelled.refundFailedAt()).isNull();

        Booking rejected = pendingBooking();
        rejected.reject("We could not complete your booking in time.", NOW);
        rejected.failRefund(NOW.plusSeconds(5));
        rejected.settleFailedRefund(NOW.plusSeconds(9));
        assertThat(rejected.refundStatus()).contains(Booking.RefundStatus.SETTLED);
    }

    @Test
    void aRejectedBookingWhoseCapturedPaymentCouldNotBeGivenBackSaysSo() {
        Booking booking = pendingBooking();
        booking.reject("We could not complete your booking in time.", NOW);
        assertThat(booking.refundStatus()).as("nothing was taken, so no refund").isEmpty();

        booking.failRefund(NOW.plusSeconds(5));

        assertThat(booking.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(booking.refundStatus()).contains(Booking.RefundStatus.FAILED);
        assertThat(booking.refundFailedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void onlyAConfirmedBookingCanBeCancelled() {
        Booking pending = pendingBooking();
        pending.price(Money.of("40.00", "EUR"), NOW);

        assertThat(pending.cancel(Cancellation.byAdmin(pending), NOW)).isEmpty();
        assertThat(pending.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(pending.cancellation()).isEmpty();
    }

    @Test
    void onlyItsGuestOwnsABooking() {
        Booking booking = pendingBooking();

        assertThat(booking.isOwnedBy("guest@example.com")).isTrue();
        assertThat(booking.isOwnedBy("guest2@example.com")).isFalse();
    }
}
