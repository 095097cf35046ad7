package dev.couchannel.review.review;

import static dev.couchannel.review.review.ReviewFixtures.ADMIN;
import static dev.couchannel.review.review.ReviewFixtures.AFTER_THE_MATCH;
import static dev.couchannel.review.review.ReviewFixtures.GUEST;
import static dev.couchannel.review.review.ReviewFixtures.HOST;
import static dev.couchannel.review.review.ReviewFixtures.SESSION_ENDS;
import static dev.couchannel.review.review.ReviewFixtures.attended;
import static dev.couchannel.review.review.ReviewFixtures.postedReview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.review.review.ReviewEvent.ReplyPosted;
import dev.couchannel.review.review.ReviewEvent.ReviewHidden;
import dev.couchannel.review.review.ReviewEvent.ReviewPosted;
import dev.couchannel.review.review.ReviewEvent.ReviewReported;
import dev.couchannel.review.review.ReviewEvent.ReviewRestored;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReviewTest {

    final UUID booking = UUID.randomUUID();

    private static ReviewEvent accepted(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted) decision).event();
    }

    private static void refused(Decision decision, Refusal refusal, String detail) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        Decision.Refused refused = (Decision.Refused) decision;
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.detail()).contains(detail);
        if (refusal == Refusal.INVALID) {
            assertThat(refused.field()).as("the input at fault").isEqualTo(detail);
        } else {
            assertThat(refused.field()).isNull();
        }
    }

    private static Review with(Review review, ReviewEvent... more) {
        List<ReviewEvent> events = new ArrayList<>();
        events.add(new ReviewPosted(
                review.id(),
                review.bookingId(),
                review.sessionId(),
                review.venueId(),
                review.hostId(),
                review.guestId(),
                review.rating(),
                review.text(),
                review.postedAt()));
        events.addAll(List.of(more));
        return Review.replay(events);
    }

    @Nested
    class Eligibility {

        @Test
        void aGuestWhoAttendedReviewsOnceTheSessionHasEnded() {
            Attendance attendance = attended(booking);

            ReviewEvent event = accepted(
                    Review.post(null, attendance, booking, GUEST, 5, "  Great night, loud crowd!  ", SESSION_ENDS));

            ReviewPosted posted = (ReviewPosted) event;
            assertThat(posted.reviewId()).isEqualTo(Review.idFor(booking));
            assertThat(posted.venueId()).isEqualTo(attendance.venueId());
            assertThat(posted.hostId()).isEqualTo(HOST);
            assertThat(posted.guestId()).isEqualTo(GUEST);
            assertThat(posted.rating()).isEqualTo(5);
            assertThat(posted.text()).isEqualTo("Great night, loud crowd!");
            assertThat(posted.at()).isEqualTo(SESSION_ENDS);
        }

        @Test
        void notBeforeTheSessionHasEnded() {
            refused(
                    Review.post(null, attended(booking), booking, GUEST, 5, "Too soon", SESSION_ENDS.minusSeconds(1)),
                    Refusal.TOO_EARLY,
                    "has not ended yet");
        }

        @Test
        void notByAnotherGuestNorForABookingNobodyKnows() {
            refused(
                    Review.post(null, attended(booking), booking, "guest2@example.com", 5, "Not mine", AFTER_THE_MATCH),
                    Refusal.NOT_ATTENDED,
                    "No booking with id " + booking);
            refused(
                    Review.post(null, null, booking, GUEST, 5, "Unknown", AFTER_THE_MATCH),
                    Refusal.NOT_ATTENDED,
                    "of yours");
        }

        @Test
        void notForACancelledBookingOrSession() {
            refused(
                    Review.post(
                            null,
                            ReviewFixtures.cancelledBooking(booking),
                            booking,
                            GUEST,
                            4,
                            "Cancelled",
                            AFTER_THE_MATCH),
                    Refusal.CANCELLED,
                    "was cancelled");
            refused(
                    Review.post(
                            null,
                            ReviewFixtures.cancelledSession(booking),
                            booking,
                            GUEST,
                            4,
                            "Cancelled",
                            AFTER_THE_MATCH),
                    Refusal.CANCELLED,
                    "session");
        }

        @Test
        void notWhileTheSessionsFactsHaveNotArrived() {
            refused(
                    Review.post(
                            null,
                            ReviewFixtures.sessionNotYetKnown(booking),
                            booking,
                            GUEST,
                            4,
                            "Early bird",
                            AFTER_THE_MATCH),
                    Refusal.FACTS_PENDING,
                    "not known yet");
        }

        @Test
        void onlyOncePerBooking() {
            Attendance attendance = attended(booking);
            Review first = Review.replay(
                    List.of(accepted(Review.post(null, attendance, booking, GUEST, 4, "First", AFTER_THE_MATCH))));

            refused(
                    Review.post(first, attendance, booking, GUEST, 1, "Second thoughts", AFTER_THE_MATCH),
                    Refusal.ALREADY_DONE,
                    "already reviewed");
        }

        @Test
        void aRatingFromOneToFiveAndATextWithinBounds() {
            Attendance attendance = attended(booking);
            refused(
                    Review.post(null, attendance, booking, GUEST, 6, "Too good", AFTER_THE_MATCH),
                    Refusal.INVALID,
                    "rating");
            refused(
                    Review.post(null, attendance, booking, GUEST, 0, "Too bad", AFTER_THE_MATCH),
                    Refusal.INVALID,
                    "rating");
            refused(
                    Review.post(null, attendance, booking, GUEST, 3, "  ok ", AFTER_THE_MATCH),
                    Refusal.INVALID,
                    "text");
            refused(
                    Review.post(null, attendance, booking, GUEST, 3, "x".repeat(Review.MAX_TEXT + 1), AFTER_THE_MATCH),
                    Refusal.INVALID,
                    "text");
            accepted(Review.post(null, attendance, booking, GUEST, 1, "x".repeat(Review.MAX_TEXT), AFTER_THE_MATCH));
            accepted(Review.post(null, attendance, booking, GUEST, 5, "Fun", AFTER_THE_MATCH));
        }
    }

    @Nested
    class Replies {

        @Test
        void theVenuesHostRepliesOnce() {
            Review review = postedReview();

            ReplyPosted reply = (ReplyPosted) accepted(review.reply(HOST, " Thanks for coming! ", AFTER_THE_MATCH));
            assertThat(reply.text()).isEqualTo("Thanks for coming!");

            Review replied = with(review, reply);
            assertThat(replied.reply()).isEqualTo("Thanks for coming!");
            assertThat(replied.version()).isEqualTo(2);
            refused(replied.reply(HOST, "And again", AFTER_THE_MATCH), Refusal.ALREADY_DONE, "already replied");
        }

        @Test
        void nobodyElseReplies() {
            Review review = postedReview();
            refused(review.reply(GUEST, "Me too", AFTER_THE_MATCH), Refusal.NOT_ALLOWED, "Only the host");
            refused(review.reply("other-host@example.com", "Hi", AFTER_THE_MATCH), Refusal.NOT_ALLOWED, "host");
        }

        @Test
        void aReplyHasText() {
            Review review = postedReview();
            refused(review.reply(HOST, "   ", AFTER_THE_MATCH), Refusal.INVALID, "text");
            refused(review.reply(HOST, "x".repeat(Review.MAX_REPLY + 1), AFTER_THE_MATCH), Refusal.INVALID, "text");
        }
    }

    @Nested
    class Moderation {

        @Test
        void anyUserReportsOnce() {
            Review review = postedReview();

            ReviewReported first =
                    (ReviewReported) accepted(review.report("guest2@example.com", "rude", AFTER_THE_MATCH));
            ReviewReported second = (ReviewReported) accepted(review.report(HOST, null, AFTER_THE_MATCH));
            Review reported = with(review, first, second);

            assertThat(reported.reports()).isEqualTo(2);
            refused(
                    reported.report("guest2@example.com", "again", AFTER_THE_MATCH),
                    Refusal.ALREADY_DONE,
                    "already reported");
            refused(
                    review.report(GUEST, "x".repeat(Review.MAX_REASON + 1), AFTER_THE_MATCH),
                    Refusal.INVALID,
                    "reason");
        }

        @Test
        void anAdminHidesAndRestores() {
            Review review = postedReview();

            ReviewHidden hidden = (ReviewHidden) accepted(review.hide(ADMIN, "insults", AFTER_THE_MATCH));
            assertThat(hidden.changesRating()).isTrue();
            Review off = with(review, hidden);
            assertThat(off.hidden()).isTrue();
            refused(off.hide(ADMIN, null, AFTER_THE_MATCH), Refusal.ALREADY_DONE, "hidden already");

            ReviewRestored restored = (ReviewRestored) accepted(off.restore(ADMIN, AFTER_THE_MATCH));
            Review back = with(review, hidden, restored);
            assertThat(back.hidden()).isFalse();
            assertThat(back.version()).isEqualTo(3);
            refused(back.restore(ADMIN, AFTER_THE_MATCH), Refusal.ALREADY_DONE, "not hidden");
        }

        @Test
        void onlyPostingHidingAndRestoringChangeTheRating() {
            Review review = postedReview();
            assertThat(accepted(review.reply(HOST, "Thanks", AFTER_THE_MATCH)).changesRating())
                    .isFalse();
            assertThat(accepted(review.report(GUEST, "", AFTER_THE_MATCH)).changesRating())
                    .isFalse();
            assertThat(accepted(review.hide(ADMIN, "", AFTER_THE_MATCH)).changesRating())
                    .isTrue();
        }
    }

    @Test
    void aStreamStartsWithItsReviewAndHasItOnce() {
        Review review = postedReview();
        assertThatThrownBy(() -> Review.replay(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Review.replay(List.of(new ReviewRestored(review.id(), ADMIN, AFTER_THE_MATCH))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with(
                        review,
                        new ReviewPosted(
                                review.id(),
                                review.bookingId(),
                                review.sessionId(),
                                review.venueId(),
                                HOST,
                                GUEST,
                                1,
                                "again",
                                AFTER_THE_MATCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVenuesAverageIsRoundedToTwoDecimalsAndZeroWithoutReviews() {
        UUID venue = UUID.randomUUID();
        assertThat(new VenueRating(venue, HOST, 14, 3, 3).average()).isEqualTo(4.67);
        assertThat(VenueRating.none(venue).average()).isZero();
    }
}
