package dev.couchannel.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.ledger.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutTest {

    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    static final PayoutRetry RETRY = new PayoutRetry(Duration.ofMinutes(1), Duration.ofHours(6));

    final Payout payout = Payout.of(
            new PayoutPlan(
                    "host@example.com",
                    Money.of("41.00", "EUR"),
                    List.of(
                            new PayoutPlan.Item(UUID.randomUUID(), Money.of("45.00", "EUR")),
                            new PayoutPlan.Item(UUID.randomUUID(), Money.of("-4.00", "EUR")))),
            UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890"),
            NOW);

    @Test
    void aNewPayoutIsPendingAndDueAtOnce() {
        assertThat(payout.status()).isEqualTo(PayoutStatus.PENDING);
        assertThat(payout.nextAttemptAt()).isEqualTo(NOW);
        assertThat(payout.idempotencyKey()).isEqualTo("payout:6f1c2d3e-4a5b-4c6d-8e7f-901234567890:0");
    }

    @Test
    void anUnknownOutcomeKeepsTheKeyAndTheDestinationForTheRetry() {
        assertThat(payout.destinationFor("acct_first")).isEqualTo("acct_first");

        payout.unanswered("HTTP 500", RETRY, NOW);

        assertThat(payout.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(payout.failureCode()).isEqualTo("provider_unavailable");
        assertThat(payout.idempotencyKey()).endsWith(":0");
        assertThat(payout.destinationFor("acct_changed_meanwhile")).isEqualTo("acct_first");
        assertThat(payout.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aRefusalStartsANewKeyToTheDestinationSetByThen() {
        payout.destinationFor("acct_declined");

        payout.refused("account_closed", "closed", RETRY, NOW);
        payout.destinationFor("acct_declined");
        payout.refused("account_closed", "closed", RETRY, NOW.plusSeconds(60));

        assertThat(payout.idempotencyKey()).endsWith(":2");
        assertThat(payout.attempts()).isEqualTo(2);
        assertThat(payout.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofMinutes(2)));
        assertThat(payout.destinationFor("acct_fixed")).isEqualTo("acct_fixed");
    }

    @Test
    void aPayoutIsPaidOnceAndAnswersAfterwardsChangeNothing() {
        assertThat(payout.paid("tr_1", NOW)).isTrue();
        assertThat(payout.paid("tr_2", NOW)).isFalse();
        payout.refused("late", "late", RETRY, NOW);
        payout.unanswered("late", RETRY, NOW);

        assertThat(payout.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(payout.providerRef()).isEqualTo("tr_1");
        assertThat(payout.paidAt()).isEqualTo(NOW);
        assertThat(payout.failureCode()).isNull();
    }
}
