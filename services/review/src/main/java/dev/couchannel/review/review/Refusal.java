package dev.couchannel.review.review;

/** Why a review, reply, report or moderation was refused. */
public enum Refusal {
    /** The rating or a text is out of bounds. */
    INVALID,
    /** No confirmed booking of the caller with that id is known (never attended, or another guest's). */
    NOT_ATTENDED,
    /** The booking was cancelled, or its session was. */
    CANCELLED,
    /** The session has not ended yet. */
    TOO_EARLY,
    /** The session's facts have not arrived yet. */
    FACTS_PENDING,
    /** Done already: a second review, reply or report, hiding a hidden review, restoring a visible one. */
    ALREADY_DONE,
    /** The caller may not do this to this review (a reply by someone other than the venue's host). */
    NOT_ALLOWED
}
