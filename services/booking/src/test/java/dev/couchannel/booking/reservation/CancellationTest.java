package dev.couchannel.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CancellationTest {

    static final BigDecimal PENALTY = new BigDecimal("0.20");
    static final Instant NOW = BookingTest.NOW;

    @Test
    void aHostCancellationRefundsEverythingAndChargesTheHostAShare() {
        Booking booking = BookingTest.confirmedBooking("33.33");

        Cancellation terms = Cancellation.ofSession(booking, CancelledBy.HOST, PENALTY, "the host cancelled");

        assertThat(terms.refund()).isEqualTo(Money.of("33.33", "EUR"));
        assertThat(terms.hostPenalty()).isEqualTo(Money.of("6.67", "EUR")); // 6.666 rounded half-even
        assertThat(terms.by()).isEqualTo(CancelledBy.HOST);
    }

    @Test
    void anAdminCancellingTheSessionChargesTheHostToo() {
        Booking booking = BookingTest.confirmedBooking("50.00");

        assertThat(Cancellation.ofSession(booking, CancelledBy.ADMIN, PENALTY, "venue not as described")
                        .hostPenalty())
                .isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void aPostponedMatchIsForceMajeureWithoutPenalty() {
        Booking booking = BookingTest.confirmedBooking("50.00");

        Cancellation terms = Cancellation.ofSession(booking, CancelledBy.FIXTURE_POSTPONED, PENALTY, "postponed");

        assertThat(terms.refund()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(terms.hostPenalty()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void anAdminCancellingOneBookingRefundsItInFullWithoutPenalty() {
        Booking booking = BookingTest.confirmedBooking("50.00");

        Cancellation terms = Cancellation.byAdmin(booking);

        assertThat(terms.refund()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(terms.hostPenalty().isZero()).isTrue();
    }

    @Test
    void aGuestGetsWhatThePolicyGives() {
        Booking booking = BookingTest.confirmedBooking("50.00");
        Instant kickoff = NOW.plus(Duration.ofDays(2));

        assertThat(Cancellation.byGuest(booking, RefundPolicy.FLEXIBLE, kickoff, NOW)
                        .refund())
                .isEqualTo(Money.of("50.00", "EUR"));
        assertThat(Cancellation.byGuest(booking, RefundPolicy.STRICT, kickoff, NOW)
                        .refund())
                .isEqualTo(Money.of("0.00", "EUR"));
        assertThat(Cancellation.byGuest(booking, RefundPolicy.FLEXIBLE, kickoff, NOW)
                        .hostPenalty()
                        .isZero())
                .isTrue();
    }

    @Test
    void refundsAndPenaltiesAreNeverNegative() {
        assertThatThrownBy(
                        () -> new Cancellation(CancelledBy.GUEST, Money.of("-1.00", "EUR"), Money.of("0", "EUR"), "no"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
