package dev.couchannel.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NpsTest {

    @Test
    void scoresFallIntoPromotersPassivesAndDetractors() {
        assertThat(Nps.of(10)).isEqualTo(new Nps(1, 0, 0));
        assertThat(Nps.of(9)).isEqualTo(new Nps(1, 0, 0));
        assertThat(Nps.of(8)).isEqualTo(new Nps(0, 1, 0));
        assertThat(Nps.of(7)).isEqualTo(new Nps(0, 1, 0));
        assertThat(Nps.of(6)).isEqualTo(new Nps(0, 0, 1));
        assertThat(Nps.of(0)).isEqualTo(new Nps(0, 0, 1));
        assertThatThrownBy(() -> Nps.of(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nps.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScoreIsPercentPromotersMinusPercentDetractors() {
        // 10, 9, 9, 8, 7, 6, 3: three promoters, two passives, two detractors of seven → 14.3
        Nps answers = Nps.of(10)
                .plus(Nps.of(9, 2))
                .plus(Nps.of(8))
                .plus(Nps.of(7))
                .plus(Nps.of(6))
                .plus(Nps.of(3));

        assertThat(answers.responses()).isEqualTo(7);
        assertThat(answers.score()).isEqualByComparingTo("14.3");
        assertThat(Nps.of(10, 4).score()).isEqualByComparingTo("100.0");
        assertThat(Nps.of(2, 3).score()).isEqualByComparingTo("-100.0");
        assertThat(Nps.NONE.score()).isNull();
    }
}
