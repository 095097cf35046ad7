package dev.couchannel.analytics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Answers to "how likely are you to recommend us, 0 to 10": promoters (9–10), passives (7–8) and
 * detractors (0–6). The score is % promoters − % detractors, from −100 to 100.
 */
public record Nps(int promoters, int passives, int detractors) {

    public static final Nps NONE = new Nps(0, 0, 0);

    public Nps {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("negative counts");
        }
    }

    /** Whether {@code score} is an answer at all. */
    public static boolean valid(int score) {
        return score >= 0 && score <= 10;
    }

    /** One answer. */
    public static Nps of(int score) {
        if (!valid(score)) {
            throw new IllegalArgumentException("a score is 0 to 10, not " + score);
        }
        return score >= 9 ? new Nps(1, 0, 0) : score >= 7 ? new Nps(0, 1, 0) : new Nps(0, 0, 1);
    }

    /** {@code count} answers of {@code score}. */
    public static Nps of(int score, int count) {
        Nps one = of(score);
        return new Nps(one.promoters * count, one.passives * count, one.detractors * count);
    }

    public Nps plus(Nps other) {
        return new Nps(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    public int responses() {
        return promoters + passives + detractors;
    }

    /** % promoters − % detractors, rounded half up to one decimal; null without answers. */
    public @Nullable BigDecimal score() {
        int responses = responses();
        if (responses == 0) {
            return null;
        }
        return BigDecimal.valueOf(100L * (promoters - detractors))
                .divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
    }
}
