package dev.couchannel.analytics.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The NPS question asked of a guest of an ended session: "how likely are you to recommend
 * couchannel to a friend, 0 to 10?". Answered once.
 */
public record Survey(
        UUID id,
        UUID bookingId,
        UUID sessionId,
        Instant kickoff,
        @Nullable Integer score,
        @Nullable Instant answeredAt) {

    public static final String QUESTION =
            "How likely are you to recommend couchannel to a friend? 0 = not at all, 10 = extremely likely.";

    public Survey {
        Objects.requireNonNull(id);
        Objects.requireNonNull(bookingId);
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(kickoff);
        if ((score == null) != (answeredAt == null)) {
            throw new IllegalArgumentException("a score comes with the moment it was given");
        }
    }

    public boolean answered() {
        return score != null;
    }

    /** What answering does. */
    public sealed interface Answer {
        record Recorded(Survey survey) implements Answer {}

        record AlreadyAnswered() implements Answer {}

        record InvalidScore(String message) implements Answer {}
    }

    /** Answers the survey with {@code score}, unless it is no score or the survey is answered already. */
    public Answer answer(int given, Instant now) {
        if (given < 0 || given > 10) {
            return new Answer.InvalidScore("score must be a whole number from 0 to 10, not " + given + ".");
        }
        if (answered()) {
            return new Answer.AlreadyAnswered();
        }
        return new Answer.Recorded(new Survey(id, bookingId, sessionId, kickoff, given, now));
    }
}
