package dev.couchannel.review.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.contracts.review.v1.ReviewPosted;
import dev.couchannel.contracts.review.v1.ReviewReplied;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TopicProbe;
import dev.couchannel.review.FakeInventory;
import dev.couchannel.review.RunningReview;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * After the match: booking and inventory events in, a review posted, the venue's rating out on
 * {@code couchannel.review.events}; replies, reports and moderation.
 */
class ReviewFlowIT extends RunningReview {

    static final String ADMIN = "admin@example.com";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        assertThat(OpenApiContract.apiOperations(mappings)).isGreaterThanOrEqualTo(8);
        OpenApiContract.assertDocumented(mappings);
    }

    static RatingChanged rating(ConsumerRecord<String, byte[]> record) {
        try {
            return RatingChanged.parseFrom(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Predicate<ConsumerRecord<String, byte[]>> ratingOf(String venue, long version) {
        return record -> venue.equals(record.key())
                && "couchannel.review.v1.RatingChanged".equals(TopicProbe.header(record, "ce_type"))
                && rating(record).getVersion() == version;
    }

    @Test
    void attendedGuestsReviewAfterTheMatchAndTheVenuesRatingFollowsPostingHidingAndRestoring() throws Exception {
        String venue = UUID.randomUUID().toString();
        String host = host();
        Attended early = attend(guest(), venue, host, clock.instant().plus(Duration.ofHours(1)));
        Attended other = attendedAndOver(venue, host);

        try (TopicProbe ratings = TopicProbe.on(Topics.REVIEW_EVENTS)) {
            HttpResponse<String> tooEarly =
                    send("POST", "/api/reviews", early.guest(), reviewBody(early.bookingId(), 5, "Can't wait!"));
            assertProblem(tooEarly, 409);
            assertThat(json(tooEarly).path("reason").asString()).isEqualTo("TOO_EARLY");

            clock.advance(SESSION_LENGTH.plus(Duration.ofHours(2)));

            JsonNode five = review(early, 5, "Huge screen and a friendly host.");
            assertThat(five.path("rating").asInt()).isEqualTo(5);
            assertThat(five.path("venueId").asString()).isEqualTo(venue);
            assertThat(five.path("guestId").asString()).isEqualTo(early.guest());
            RatingChanged first = rating(ratings.await(ratingOf(venue, 1), WAIT));
            assertThat(first.getCount()).isEqualTo(1);
            assertThat(first.getAverage()).isEqualTo(5.0);
            assertThat(first.getHostId()).isEqualTo(host);

            review(other, 2, "Too crowded to see anything.");
            RatingChanged second = rating(ratings.await(ratingOf(venue, 2), WAIT));
            assertThat(second.getCount()).isEqualTo(2);
            assertThat(second.getAverage()).isEqualTo(3.5);

            JsonNode list = json(send("GET", "/api/venues/" + venue + "/reviews", null, null));
            assertThat(list.path("total").asLong()).isEqualTo(2);
            assertThat(list.path("rating").path("average").asDouble()).isEqualTo(3.5);
            assertThat(list.path("rating").path("count").asInt()).isEqualTo(2);
            assertThat(list.path("items").get(0).has("guestId"))
                    .as("guests are stored by e-mail address: never shown publicly")
                    .isFalse();

            String id = five.path("id").asString();
            HttpResponse<String> hidden =
                    send("POST", "/api/admin/reviews/" + id + "/hide", ADMIN, "{\"reason\":\"names a neighbour\"}");
            assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
            assertThat(json(hidden).path("hidden").asBoolean()).isTrue();
            RatingChanged recount = rating(ratings.await(ratingOf(venue, 3), WAIT));
            assertThat(recount.getCount()).isEqualTo(1);
            assertThat(recount.getAverage()).isEqualTo(2.0);

            JsonNode afterHiding = json(send("GET", "/api/venues/" + venue + "/reviews", null, null));
            assertThat(afterHiding.path("total").asLong()).isEqualTo(1);
            assertThat(afterHiding.path("items").get(0).path("rating").asInt()).isEqualTo(2);
            assertProblem(send("GET", "/api/reviews/" + id, null, null), 404);
            assertProblem(send("GET", "/api/reviews/" + id, other.guest(), null), 404);
            assertThat(json(send("GET", "/api/reviews/" + id, early.guest(), null))
                            .path("hidden")
                            .asBoolean())
                    .as("the author still sees their hidden review")
                    .isTrue();
            assertProblem(send("POST", "/api/admin/reviews/" + id + "/hide", ADMIN, null), 409);

            HttpResponse<String> restored = send("POST", "/api/admin/reviews/" + id + "/restore", ADMIN, null);
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            RatingChanged back = rating(ratings.await(ratingOf(venue, 4), WAIT));
            assertThat(back.getCount()).isEqualTo(2);
            assertThat(back.getAverage()).isEqualTo(3.5);
            assertThat(json(send("GET", "/api/reviews/" + id, null, null))
                            .path("text")
                            .asString())
                    .isEqualTo("Huge screen and a friendly host.");
        }
    }

    static Predicate<ConsumerRecord<String, byte[]>> typed(String venue, String type) {
        return record -> venue.equals(record.key())
                && ("couchannel.review.v1." + type).equals(TopicProbe.header(record, "ce_type"));
    }

    @Test
    void aPostedReviewAndItsOneReplyArePublishedForReputation() throws Exception {
        String venue = UUID.randomUUID().toString();
        String host = host();
        Attended attended = attendedAndOver(venue, host);
        try (TopicProbe events = TopicProbe.on(Topics.REVIEW_EVENTS)) {
            String id = review(attended, 2, "Too loud to hear the match.")
                    .path("id")
                    .asString();
            ReviewPosted posted = ReviewPosted.parseFrom(
                    events.await(typed(venue, "ReviewPosted"), WAIT).value());
            assertThat(posted.getReviewId()).isEqualTo(id);
            assertThat(posted.getHostId()).isEqualTo(host);
            assertThat(posted.getRating()).isEqualTo(2);
            assertThat(posted.getBookingId()).isEqualTo(attended.bookingId());

            assertThat(send("POST", "/api/reviews/" + id + "/reply", host, "{\"text\":\"Sorry, fixed.\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertProblem(send("POST", "/api/reviews/" + id + "/reply", host, "{\"text\":\"Again\"}"), 409);
            ReviewReplied replied = ReviewReplied.parseFrom(
                    events.await(typed(venue, "ReviewReplied"), WAIT).value());
            assertThat(replied.getReviewId()).isEqualTo(id);
            assertThat(replied.getVenueId()).isEqualTo(venue);
            assertThat(replied.getHostId()).isEqualTo(host);
            assertThat(WireTime.toInstant(replied.getAt())).isAfterOrEqualTo(WireTime.toInstant(posted.getAt()));
            // the refused second reply published nothing: one ReviewPosted, one ReviewReplied for this venue
            List<ConsumerRecord<String, byte[]>> all = events.readToEnd(Duration.ofSeconds(2));
            assertThat(all.stream().filter(typed(venue, "ReviewReplied"))).hasSize(1);
            assertThat(all.stream().filter(typed(venue, "ReviewPosted"))).hasSize(1);
        }
    }

    @Test
    void theVenuesHostRepliesOnceAndNobodyElse() throws Exception {
        String venue = UUID.randomUUID().toString();
        String host = host();
        Attended attended = attendedAndOver(venue, host);
        String id = review(attended, 4, "Good sound, warm beer.").path("id").asString();

        assertProblem(send("POST", "/api/reviews/" + id + "/reply", host(), "{\"text\":\"Not my venue\"}"), 403);
        assertProblem(
                send("POST", "/api/reviews/" + id + "/reply", "guest2@example.com", "{\"text\":\"Me neither\"}"), 403);

        HttpResponse<String> reply =
                send("POST", "/api/reviews/" + id + "/reply", host, "{\"text\":\"The fridge is fixed now!\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(json(reply).path("reply").path("text").asString()).isEqualTo("The fridge is fixed now!");

        HttpResponse<String> again = send("POST", "/api/reviews/" + id + "/reply", host, "{\"text\":\"Really!\"}");
        assertProblem(again, 409);
        assertThat(json(again).path("reason").asString()).isEqualTo("ALREADY_DONE");
        JsonNode shown = json(send("GET", "/api/venues/" + venue + "/reviews", null, null))
                .path("items")
                .get(0);
        assertThat(shown.path("reply").path("text").asString()).isEqualTo("The fridge is fixed now!");
        assertProblem(send("POST", "/api/reviews/" + UUID.randomUUID() + "/reply", host, "{\"text\":\"?\"}"), 404);
    }

    @Test
    void signedInUsersReportOnceEachAndAdminsSeeTheReportedReviews() throws Exception {
        String venue = UUID.randomUUID().toString();
        Attended attended = attendedAndOver(venue, host());
        String id = review(attended, 1, "The host shouted at us.").path("id").asString();
        String reporter = guest();

        assertProblem(send("POST", "/api/reviews/" + id + "/reports", null, "{}"), 401);
        HttpResponse<String> report =
                send("POST", "/api/reviews/" + id + "/reports", reporter, "{\"reason\":\"not true\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(204);
        assertThat(send("POST", "/api/reviews/" + id + "/reports", guest(), null)
                        .statusCode())
                .as("the reason is optional")
                .isEqualTo(204);
        HttpResponse<String> again = send("POST", "/api/reviews/" + id + "/reports", reporter, "{}");
        assertProblem(again, 409);
        assertThat(json(again).path("detail").asString()).contains("already reported");

        assertProblem(send("GET", "/api/admin/reviews/reported", reporter, null), 403);
        JsonNode reported = json(send("GET", "/api/admin/reviews/reported", ADMIN, null));
        JsonNode mine = reported.valueStream()
                .filter(r -> r.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(mine.path("reports").asInt()).isEqualTo(2);
        assertThat(mine.path("guestId").asString()).isEqualTo(attended.guest());
        assertProblem(send("POST", "/api/admin/reviews/" + id + "/hide", reporter, null), 403);
    }

    @Test
    void aSessionWhosePublicationWasNeverSeenIsAskedOfInventoryWhenItsFirstBookingArrives() throws Exception {
        String session = UUID.randomUUID().toString();
        String venue = UUID.randomUUID().toString();
        String booking = UUID.randomUUID().toString();
        String unknownSession = UUID.randomUUID().toString();
        String orphan = UUID.randomUUID().toString();
        String guest = guest();
        FakeInventory.INSTANCE.sessions.put(
                session,
                SessionDetails.newBuilder()
                        .setId(session)
                        .setVenueId(venue)
                        .setHostId("Demo-Host@example.com")
                        .setStatus("PUBLISHED")
                        .setFixture(FixtureSummary.newBuilder()
                                .setKickoff(WireTime.of(clock.instant().minus(Duration.ofHours(5)))))
                        .build());

        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));
        publish(Topics.BOOKING_EVENTS, orphan, confirmed(orphan, unknownSession, guest));

        await().atMost(WAIT)
                .until(() -> send("POST", "/api/reviews", guest, reviewBody(booking, 4, "Demo night."))
                                .statusCode()
                        == 201);
        assertThat(jdbc.sql("SELECT host_id FROM sessions WHERE session_id = :s")
                        .param("s", UUID.fromString(session))
                        .query(String.class)
                        .single())
                .isEqualTo("demo-host@example.com");
        await().atMost(WAIT).until(() -> json(send("POST", "/api/reviews", guest, reviewBody(orphan, 4, "Where?")))
                .path("reason")
                .asString()
                .equals("FACTS_PENDING"));
    }

    @Test
    void eventsAReviewDoesNotDependOnAreSkippedAndTheOthersRecordedOnce() throws Exception {
        String session = UUID.randomUUID().toString();
        CloudEvent seats = ProtobufEvents.wrap(
                "inventory",
                session,
                SeatAvailabilityChanged.newBuilder()
                        .setSessionId(session)
                        .setCapacity(10)
                        .setSeatsFree(9)
                        .build(),
                Instant.now());
        CloudEvent published = ProtobufEvents.wrap(
                "inventory",
                session,
                SessionPublished.newBuilder()
                        .setSessionId(session)
                        .setVenueId(UUID.randomUUID().toString())
                        .setHostId(host())
                        .setKickoff(WireTime.of(clock.instant()))
                        .build(),
                Instant.now());

        kafka.send(KafkaCloudEvents.toRecord(Topics.INVENTORY_EVENTS, seats));
        kafka.send(KafkaCloudEvents.toRecord(Topics.INVENTORY_EVENTS, published));
        kafka.send(KafkaCloudEvents.toRecord(Topics.INVENTORY_EVENTS, published));

        // same key, same partition: once the later event is in, the earlier one was consumed
        await().atMost(WAIT).until(() -> inbox(published.id()) == 1);
        assertThat(inbox(seats.id())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE session_id = :s")
                        .param("s", UUID.fromString(session))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long inbox(String messageId) {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE message_id = :id")
                .param("id", messageId)
                .query(Long.class)
                .single();
    }

    static BookingConfirmed confirmed(String booking, String session, String guest) {
        return BookingConfirmed.newBuilder()
                .setBookingId(booking)
                .setSessionId(session)
                .setGuestId(guest)
                .setSeats(1)
                .build();
    }

    @Test
    void aCancelledBookingIsNotReviewed() throws Exception {
        Attended attended = attendedAndOver(UUID.randomUUID().toString(), host());
        cancel(attended);

        HttpResponse<String> refused =
                send("POST", "/api/reviews", attended.guest(), reviewBody(attended.bookingId(), 1, "Never went."));

        assertProblem(refused, 409);
        assertThat(json(refused).path("reason").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT count(*) FROM review_events WHERE stream_id = :id")
                        .param("id", Review.idFor(UUID.fromString(attended.bookingId())))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
