package dev.couchannel.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.ledger.Account;
import dev.couchannel.payment.ledger.Balance;
import dev.couchannel.payment.ledger.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void booksThatAgreeAreBalanced() {
        Reconciliation report = Reconciliation.of(
                List.of(
                        balance(Account.PROVIDER_CLEARING, "34.00"),
                        balance(Account.hostPayable("a@example.com"), "-25.00"),
                        balance(Account.PLATFORM_REVENUE, "-9.00")),
                List.of(expected("a@example.com", "81.00", "9.00", "2.00", "45.00")),
                NOW);

        assertThat(report.balanced()).isTrue();
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.currencies()).singleElement().satisfies(c -> assertThat(c.sum())
                .isEqualTo(eur("0.00")));
        assertThat(report.hosts()).singleElement().satisfies(host -> {
            assertThat(host.ledger()).isEqualTo(eur("25.00"));
            assertThat(host.expected()).isEqualTo(eur("25.00"));
        });
    }

    @Test
    void aHostWhoseLedgerPayableDiffersIsListedWithTheDifference() {
        Reconciliation report = Reconciliation.of(
                List.of(
                        balance(Account.PROVIDER_CLEARING, "20.00"),
                        balance(Account.hostPayable("a@example.com"), "-13.00"),
                        balance(Account.PLATFORM_REVENUE, "-7.00")),
                List.of(
                        expected("a@example.com", "18.00", "0.00", "0.00", "0.00"),
                        expected("b@example.com", "5.00", "0.00", "0.00", "0.00")),
                NOW);

        assertThat(report.balanced()).isFalse();
        assertThat(report.mismatches())
                .extracting(Reconciliation.HostPayable::hostId, host -> host.difference()
                        .toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a@example.com", "-5.00 EUR"),
                        org.assertj.core.groups.Tuple.tuple("b@example.com", "-5.00 EUR"));
    }

    @Test
    void aCurrencyThatDoesNotSumToZeroIsUnbalanced() {
        Reconciliation report = Reconciliation.of(List.of(balance(Account.PROVIDER_CLEARING, "1.00")), List.of(), NOW);

        assertThat(report.balanced()).isFalse();
        assertThat(report.currencies()).singleElement().satisfies(c -> assertThat(c.balanced())
                .isFalse());
    }

    private static Balance balance(Account account, String amount) {
        return new Balance(account, eur(amount));
    }

    private static Reconciliation.Expected expected(
            String host, String captured, String refunded, String penalties, String paidOut) {
        return new Reconciliation.Expected(host, eur(captured), eur(refunded), eur(penalties), eur(paidOut));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
