package dev.couchannel.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingTest {

    static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");

    static Booking pendingBooking() {
        return Booking.request(UUID.randomUUID(), "guest@example.com", UUID.randomUUID(), 2, "pm_card_visa", null, NOW);
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
        assertThatThrownBy(
                        () -> Booking.request(UUID.randomUUID(), "g", UUID.randomUUID(), 0, "pm_card_visa", null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Booking.request(UUID.randomUUID(), "g", UUID.randomUUID(), 21, "pm_card_visa", null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyItsGuestOwnsABooking() {
        Booking booking = pendingBooking();

        assertThat(booking.isOwnedBy("guest@example.com")).isTrue();
        assertThat(booking.isOwnedBy("guest2@example.com")).isFalse();
    }
}
