package dev.couchannel.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void ratesComeFromTheSumsNotFromAveragesOfPoints() {
        Tally monday = new Tally().confirmed(1, 2).cancelled("GUEST", 1, "EUR", new BigDecimal("5.00"));
        Tally tuesday =
                new Tally().confirmed(3, 3).gross("EUR", new BigDecimal("30")).sessions(1, 3, 4);

        Figures total = new Tally().plus(monday).plus(tuesday).figures();

        assertThat(total.confirmed()).isEqualTo(4);
        assertThat(total.cancellationRate()).isEqualByComparingTo("0.25"); // not (1/1 + 0/3) / 2
        assertThat(total.cancelledBy()).containsEntry("GUEST", 1);
        assertThat(total.revenue()).containsExactly(new Figures.Revenue("EUR", "30.00", "5.00", "25.00"));
        assertThat(total.occupancy().rate()).isEqualByComparingTo("0.75");
    }

    @Test
    void nothingHappenedHasNoRates() {
        Figures none = new Tally().figures();

        assertThat(none.cancellationRate()).isNull();
        assertThat(none.occupancy().rate()).isNull();
        assertThat(none.nps().score()).isNull();
        assertThat(none.revenue()).isEmpty();
    }
}
