package dev.couchannel.analytics.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SurveyTest {

    static final Instant NOW = Instant.parse("2026-11-21T22:00:00Z");

    static Survey open() {
        return new Survey(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NOW.minusSeconds(4 * 3600), null, null);
    }

    @Test
    void aSurveyTakesOneAnswerFromZeroToTen() {
        Survey.Answer first = open().answer(10, NOW);
        assertThat(first).isInstanceOf(Survey.Answer.Recorded.class);
        Survey answered = ((Survey.Answer.Recorded) first).survey();
        assertThat(answered.score()).isEqualTo(10);
        assertThat(answered.answeredAt()).isEqualTo(NOW);

        assertThat(answered.answer(3, NOW)).isInstanceOf(Survey.Answer.AlreadyAnswered.class);
        assertThat(open().answer(11, NOW)).isInstanceOf(Survey.Answer.InvalidScore.class);
        assertThat(open().answer(-1, NOW)).isInstanceOf(Survey.Answer.InvalidScore.class);
        assertThat(open().answer(0, NOW)).isInstanceOf(Survey.Answer.Recorded.class);
    }

    @Test
    void tokensAreRandomWellFormedAndStoredOnlyAsTheirHash() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(SurveyToken.random());
        }
        assertThat(tokens).hasSize(100).allSatisfy(token -> assertThat(SurveyToken.wellFormed(token))
                .isTrue());
        String token = tokens.iterator().next();
        assertThat(SurveyToken.hash(token)).hasSize(64).isNotEqualTo(token).isEqualTo(SurveyToken.hash(token));
        assertThat(SurveyToken.wellFormed("../../etc/passwd")).isFalse();
        assertThat(SurveyToken.wellFormed(token + "x")).isFalse();
    }
}
