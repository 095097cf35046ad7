package dev.couchannel.identity.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The formulas of ADR 20, worked by hand. */
class ReputationTest {

    static HostFacts host(double ratingSum, int ratings, int sessions, int cancelled, int due, int inTime) {
        return new HostFacts(ratingSum, ratings, sessions, cancelled, due, inTime, null);
    }

    @Test
    void aNewcomerHasThePriors() {
        Reputation.Host host = Reputation.host(HostFacts.NONE);
        Reputation.Guest guest = Reputation.guest(GuestFacts.NONE);

        // 100 × (0.6 × (4 − 1) / 4 + 0.25 × (1 − 0.5 / 10) + 0.15 × 2 / 4) = 45 + 23.75 + 7.5
        assertThat(host.score()).isEqualTo(76.3);
        assertThat(host.ratingAverage()).isZero();
        assertThat(host.ratingWeighted()).isEqualTo(4.0);
        assertThat(host.reliability()).isEqualTo(0.95);
        assertThat(host.responsiveness()).isEqualTo(0.5);
        assertThat(host.medianReplyHours()).isNull();
        assertThat(guest.score()).isEqualTo(95.0);
        assertThat(guest.reliability()).isEqualTo(0.95);
    }

    @Test
    void oneBadReviewDoesNotSinkANewHost() {
        Reputation.Host host = Reputation.host(host(1, 1, 0, 0, 0, 0));

        // weighted (20 + 1) / 6 = 3.5: 100 × (0.6 × 2.5 / 4 + 0.2375 + 0.075) = 37.5 + 31.25
        assertThat(host.ratingAverage()).isEqualTo(1.0);
        assertThat(host.ratingWeighted()).isEqualTo(3.5);
        assertThat(host.score()).isEqualTo(68.8);
    }

    @Test
    void manyGoodReviewsOutweighThePrior() {
        Reputation.Host host = Reputation.host(host(4.9 * 95, 95, 0, 0, 0, 0));

        // (20 + 465.5) / 100 = 4.855
        assertThat(host.ratingWeighted()).isCloseTo(4.855, within(0.006));
        assertThat(host.score()).isGreaterThan(Reputation.host(HostFacts.NONE).score());
    }

    @Test
    void cancelledSessionsLowerReliability() {
        // 1 − (3 + 0.5) / (10 + 10) = 0.825
        Reputation.Host host = Reputation.host(host(0, 0, 10, 3, 0, 0));

        assertThat(host.sessions()).isEqualTo(10);
        assertThat(host.sessionsCancelled()).isEqualTo(3);
        assertThat(host.reliability()).isEqualTo(0.825);
        assertThat(host.score()).isLessThan(Reputation.host(HostFacts.NONE).score());
    }

    @Test
    void answeringReviewsInTimeRaisesResponsiveness() {
        // (6 + 2) / (6 + 4) = 0.8
        Reputation.Host prompt = Reputation.host(new HostFacts(0, 0, 0, 0, 6, 6, 3.25));
        // (0 + 2) / (6 + 4) = 0.2
        Reputation.Host silent = Reputation.host(host(0, 0, 0, 0, 6, 0));

        assertThat(prompt.responsiveness()).isEqualTo(0.8);
        assertThat(prompt.medianReplyHours()).isEqualTo(3.3);
        assertThat(silent.responsiveness()).isEqualTo(0.2);
        assertThat(prompt.score() - silent.score()).isCloseTo(9.0, within(0.11));
    }

    @Test
    void noShowsLowerAGuestsScoreAndAttendanceRaisesIt() {
        // 1 − (1 + 0.5) / (0 + 1 + 10)
        assertThat(Reputation.guest(new GuestFacts(0, 1)).score()).isEqualTo(86.4);
        // 1 − 0.5 / (20 + 10)
        assertThat(Reputation.guest(new GuestFacts(20, 0)).score()).isEqualTo(98.3);
        // 1 − 5.5 / 20 = 0.725
        assertThat(Reputation.guest(new GuestFacts(5, 5)).reliability()).isEqualTo(0.725);
    }
}
