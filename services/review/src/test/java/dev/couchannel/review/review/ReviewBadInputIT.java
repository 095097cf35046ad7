package dev.couchannel.review.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.review.RunningReview;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal is a 4xx {@code application/problem+json} that says what to fix, and leaves no
 * event behind.
 */
class ReviewBadInputIT extends RunningReview {

    private long events() {
        return jdbc.sql("SELECT count(*) FROM review_events").query(Long.class).single();
    }

    private static String fieldOf(HttpResponse<String> response) {
        JsonNode errors = json(response).path("errors");
        assertThat(errors.isArray()).as(response.body()).isTrue();
        return errors.get(0).path("field").asString();
    }

    @Test
    void aReviewBeforeTheSessionHasEndedIsRefusedAndSaysWhen() throws Exception {
        Attended attended = attend(
                guest(), UUID.randomUUID().toString(), host(), clock.instant().plus(Duration.ofMinutes(30)));
        long before = events();

        HttpResponse<String> refused =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 4, "Kickoff soon!"));

        assertProblem(refused, 409);
        assertThat(json(refused).path("detail").asString())
                .contains("has not ended yet")
                .contains("review it after");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aSecondReviewOfTheSameBookingIsRefused() throws Exception {
        Attended attended = attendedAndOver(UUID.randomUUID().toString(), host());
        review(attended, 4, "Nice evening.");

        HttpResponse<String> second =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 1, "Changed my mind."));

        assertProblem(second, 409);
        assertThat(json(second).path("reason").asString()).isEqualTo("ALREADY_DONE");
        assertThat(jdbc.sql("SELECT rating FROM review_list WHERE booking_id = :b")
                        .param("b", UUID.fromString(attended.bookingId()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void twoReviewsOfOneBookingAtOnceMakeOneReview() throws Exception {
        Attended attended = attendedAndOver(UUID.randomUUID().toString(), host());
        String body = reviewBody(attended.bookingId(), 3, "Posted twice at once.");

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> call(attended.guest(), body));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> call(attended.guest(), body));

        assertThat(java.util.List.of(first.join().statusCode(), second.join().statusCode()))
                .containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM review_events WHERE stream_id = :id")
                        .param("id", Review.idFor(UUID.fromString(attended.bookingId())))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private HttpResponse<String> call(String caller, String body) {
        try {
            return send("POST", "/api/reviews", caller, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReviewBySomeoneWhoDidNotAttendIsRefused() throws Exception {
        Attended attended = attendedAndOver(UUID.randomUUID().toString(), host());

        HttpResponse<String> stranger =
                send("POST", "/api/reviews", guest(), reviewBody(attended.bookingId(), 1, "I was not there but..."));
        HttpResponse<String> unknown = send(
                "POST",
                "/api/reviews",
                attended.guest(),
                reviewBody(UUID.randomUUID().toString(), 5, "Which one?"));

        assertProblem(stranger, 404);
        assertThat(json(stranger).path("detail").asString()).contains("of yours");
        assertProblem(unknown, 404);
        assertProblem(send("POST", "/api/reviews", null, reviewBody(attended.bookingId(), 5, "Anonymous")), 401);
    }

    @Test
    void aRatingOutsideOneToFiveIsRefused() throws Exception {
        Attended attended = attendedAndOver(UUID.randomUUID().toString(), host());
        long before = events();

        HttpResponse<String> six =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 6, "Six stars!"));
        HttpResponse<String> zero =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 0, "Zero stars!"));

        assertProblem(six, 400);
        assertThat(fieldOf(six)).isEqualTo("rating");
        assertThat(six.body()).contains("between 1 and 5");
        assertProblem(zero, 400);
        assertThat(fieldOf(zero)).isEqualTo("rating");
        HttpResponse<String> half = send(
                "POST",
                "/api/reviews",
                attended.guest(),
                "{\"bookingId\":\"" + attended.bookingId() + "\",\"rating\":4.5,\"text\":\"Four and a half\"}");
        assertProblem(half, 400);
        assertThat(fieldOf(half)).isEqualTo("rating");
        assertThat(half.body()).contains("whole number");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMissingTooShortOrTooLongTextIsRefused() throws Exception {
        Attended attended = attendedAndOver(UUID.randomUUID().toString(), host());
        String missing = JSON.createObjectNode()
                .put("bookingId", attended.bookingId())
                .put("rating", 4)
                .toString();

        HttpResponse<String> none = send("POST", "/api/reviews", attended.guest(), missing);
        HttpResponse<String> tooLong =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 4, "x".repeat(2001)));
        HttpResponse<String> blank =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 4, "    "));
        HttpResponse<String> tooShort =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 4, "  ok    "));

        for (HttpResponse<String> response : java.util.List.of(none, tooLong, blank, tooShort)) {
            assertProblem(response, 400);
            assertThat(fieldOf(response)).isEqualTo("text");
        }
        assertThat(tooLong.body()).contains("between 3 and 2000 characters");
        assertThat(send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 4, "x".repeat(2000)))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void malformedJsonAMissingBookingAndAWrongTypeAreRefused() throws Exception {
        String guest = guest();

        assertProblem(send("POST", "/api/reviews", guest, "{\"bookingId\": \"abc\", \"rating\": "), 400);
        assertProblem(send("POST", "/api/reviews", guest, "not json at all"), 400);
        assertProblem(send("POST", "/api/reviews", guest, null), 400);
        HttpResponse<String> noBooking = send("POST", "/api/reviews", guest, "{\"rating\": 4, \"text\": \"Nice\"}");
        assertProblem(noBooking, 400);
        assertThat(fieldOf(noBooking)).isEqualTo("bookingId");
        assertProblem(
                send(
                        "POST",
                        "/api/reviews",
                        guest,
                        "{\"bookingId\": \"" + UUID.randomUUID() + "\", \"rating\": \"five\", \"text\": \"Nice\"}"),
                400);
    }

    @Test
    void badPagesIdsAndTextsElsewhereAreRefused() throws Exception {
        String venue = UUID.randomUUID().toString();
        assertProblem(send("GET", "/api/venues/" + venue + "/reviews?size=0", null, null), 400);
        assertProblem(send("GET", "/api/venues/" + venue + "/reviews?size=101", null, null), 400);
        assertProblem(send("GET", "/api/venues/" + venue + "/reviews?page=-1", null, null), 400);
        assertProblem(send("GET", "/api/venues/not-a-uuid/reviews", null, null), 400);
        assertProblem(send("GET", "/api/reviews/not-a-uuid", null, null), 400);
        JsonNode empty = json(send("GET", "/api/venues/" + venue + "/reviews", null, null));
        assertThat(empty.path("total").asLong()).isZero();
        assertThat(empty.path("rating").path("count").asInt()).isZero();

        String host = host();
        Attended attended = attendedAndOver(venue, host);
        String id = review(attended, 5, "Lovely.").path("id").asString();
        HttpResponse<String> longReply =
                send("POST", "/api/reviews/" + id + "/reply", host, "{\"text\":\"" + "y".repeat(1001) + "\"}");
        assertProblem(longReply, 400);
        assertThat(fieldOf(longReply)).isEqualTo("text");
        assertProblem(send("POST", "/api/reviews/" + id + "/reply", host, "{}"), 400);
        HttpResponse<String> longReason =
                send("POST", "/api/reviews/" + id + "/reports", guest(), "{\"reason\":\"" + "z".repeat(501) + "\"}");
        assertProblem(longReason, 400);
        assertThat(fieldOf(longReason)).isEqualTo("reason");
        assertProblem(
                send("POST", "/api/admin/reviews/" + UUID.randomUUID() + "/hide", "admin@example.com", null), 404);
    }
}
