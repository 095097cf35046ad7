package dev.couchannel.review.review;

/** The outcome of asking a review to do something: the event it caused, or why not. */
public sealed interface Decision {

    /** Accepted: append this event. */
    record Accepted(ReviewEvent event) implements Decision {}

    /** Refused, with the reason a caller can read. */
    record Refused(Refusal refusal, String detail) implements Decision {}

    static Decision refuse(Refusal refusal, String detail) {
        return new Refused(refusal, detail);
    }
}
