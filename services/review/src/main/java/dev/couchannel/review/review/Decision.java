package dev.couchannel.review.review;

import org.jspecify.annotations.Nullable;

/** The outcome of asking a review to do something: the event it caused, or why not. */
public sealed interface Decision {

    /** Accepted: append this event. */
    record Accepted(ReviewEvent event) implements Decision {}

    /**
     * Refused, with the reason a caller can read.
     *
     * @param field the input at fault, for {@link Refusal#INVALID}
     */
    record Refused(Refusal refusal, String detail, @Nullable String field) implements Decision {}

    static Decision refuse(Refusal refusal, String detail) {
        return new Refused(refusal, detail, null);
    }

    /** Refused because {@code field} is out of bounds; {@code detail} starts with the field's name. */
    static Decision invalid(String field, String detail) {
        return new Refused(Refusal.INVALID, detail, field);
    }
}
