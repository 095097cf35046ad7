package dev.couchannel.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoShowTest {

    static final Instant KICKOFF = Instant.parse("2026-11-21T20:00:00Z");

    @Test
    void aConfirmedGuestIsRecordedFromKickoffUntil72HoursAfter() {
        Booking booking = BookingTest.confirmedBooking("30.00");

        assertThat(NoShow.decide(booking, "host@example.com", KICKOFF, KICKOFF))
                .isEqualTo(new NoShow.Decision.Marked(new NoShow(
                        booking.id(), booking.sessionId(), "guest@example.com", "host@example.com", 2, KICKOFF)));
        assertThat(NoShow.decide(booking, "host@example.com", KICKOFF, KICKOFF.plus(NoShow.WINDOW)))
                .isInstanceOf(NoShow.Decision.Marked.class);
    }

    @Test
    void beforeKickoffItIsTooEarlyAndAfterTheWindowTooLate() {
        Booking booking = BookingTest.confirmedBooking("30.00");

        assertThat(NoShow.decide(booking, "host@example.com", KICKOFF, KICKOFF.minusSeconds(1)))
                .isEqualTo(new NoShow.Decision.TooEarly(KICKOFF));
        assertThat(NoShow.decide(
                        booking,
                        "host@example.com",
                        KICKOFF,
                        KICKOFF.plus(Duration.ofHours(72)).plusSeconds(1)))
                .isEqualTo(new NoShow.Decision.TooLate(KICKOFF.plus(Duration.ofHours(72))));
    }

    @Test
    void onlyAConfirmedBookingHasAGuestToMiss() {
        Booking pending = BookingTest.pendingBooking();

        assertThat(NoShow.decide(pending, "host@example.com", KICKOFF, KICKOFF.plusSeconds(60)))
                .isEqualTo(new NoShow.Decision.NotConfirmed(BookingStatus.PENDING));
    }
}
