package dev.couchannel.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    static final Money TOTAL = Money.of("90.40", "PLN");
    static final Instant KICKOFF = Instant.parse("2026-12-05T19:45:00Z");
    static final Money NOTHING = Money.of("0.00", "PLN");

    static Instant before(Duration duration) {
        return KICKOFF.minus(duration);
    }

    @Test
    void flexibleRefundsInFullUpTo24HoursBeforeKickoff() {
        Instant booked = before(Duration.ofDays(10));
        assertThat(RefundPolicy.FLEXIBLE.refundOf(TOTAL, booked, KICKOFF, before(Duration.ofHours(24))))
                .isEqualTo(TOTAL);
        assertThat(RefundPolicy.FLEXIBLE.refundOf(TOTAL, booked, KICKOFF, before(Duration.ofHours(23))))
                .isEqualTo(NOTHING);
    }

    @Test
    void moderateRefundsUpTo7DaysBeforeOrWithin24HoursOfBooking() {
        Instant bookedEarly = before(Duration.ofDays(20));
        assertThat(RefundPolicy.MODERATE.refundOf(TOTAL, bookedEarly, KICKOFF, before(Duration.ofDays(7))))
                .isEqualTo(TOTAL);
        assertThat(RefundPolicy.MODERATE.refundOf(TOTAL, bookedEarly, KICKOFF, before(Duration.ofDays(6))))
                .isEqualTo(NOTHING);

        Instant bookedLate = before(Duration.ofDays(3));
        assertThat(RefundPolicy.MODERATE.refundOf(TOTAL, bookedLate, KICKOFF, bookedLate.plus(Duration.ofHours(23))))
                .isEqualTo(TOTAL);
        assertThat(RefundPolicy.MODERATE.refundOf(TOTAL, bookedLate, KICKOFF, bookedLate.plus(Duration.ofHours(25))))
                .isEqualTo(NOTHING);
    }

    @Test
    void strictRefundsNothing() {
        assertThat(RefundPolicy.STRICT.refundOf(
                        TOTAL, before(Duration.ofDays(30)), KICKOFF, before(Duration.ofDays(29))))
                .isEqualTo(NOTHING);
    }
}
