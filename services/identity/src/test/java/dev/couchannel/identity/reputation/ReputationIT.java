package dev.couchannel.identity.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.GuestNoShow;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.contracts.review.v1.ReviewPosted;
import dev.couchannel.contracts.review.v1.ReviewReplied;
import dev.couchannel.identity.IdentityTest;
import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reputation follows review's, inventory's and booking's events, each once: a replayed event (the
 * same CloudEvent id, or an old rating version again) changes nothing. The public API shows the
 * components and no e-mail address.
 */
class ReputationIT extends IdentityTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Users users;

    @Test
    void aHostsRatingCancellationsAndRepliesComeFromEventsOnceEach() throws Exception {
        User host = user("host");
        UUID venue = UUID.randomUUID();
        Instant now = clock.instant();

        CloudEvent oneStar = event("review", venue, rating(venue, host, 1.0, 1, 1), now);
        send(Topics.REVIEW_EVENTS, oneStar);
        send(Topics.REVIEW_EVENTS, oneStar);
        // the same version again under a new id (a re-publication) is not newer: ignored
        send(Topics.REVIEW_EVENTS, event("review", venue, rating(venue, host, 5.0, 1, 1), now));
        UUID review = UUID.randomUUID();
        Instant posted = now.minus(Duration.ofHours(50));
        send(
                Topics.REVIEW_EVENTS,
                event(
                        "review",
                        venue,
                        ReviewPosted.newBuilder()
                                .setReviewId(review.toString())
                                .setVenueId(venue.toString())
                                .setHostId(host.email().toUpperCase())
                                .setRating(1)
                                .setAt(WireTime.of(posted))
                                .build(),
                        now));

        // events of one venue arrive in order: once the review counts, the ratings before it were applied
        JsonNode after = awaitReputation(
                host, r -> r.path("host").path("responses").path("reviews").asInt() == 1);
        assertThat(after.path("host").path("rating").path("count").asInt()).isEqualTo(1);
        assertThat(after.path("host").path("rating").path("average").asDouble()).isEqualTo(1.0);
        assertThat(after.path("host").path("rating").path("weighted").asDouble())
                .isEqualTo(3.5);
        // past the 48 h reply window, unanswered
        assertThat(after.path("host").path("responses").path("repliedInTime").asInt())
                .isZero();
        // (0 + 2) / (1 + 4)
        assertThat(after.path("host").path("responses").path("responsiveness").asDouble())
                .isEqualTo(0.4);

        CloudEvent reply = event(
                "review",
                venue,
                ReviewReplied.newBuilder()
                        .setReviewId(review.toString())
                        .setVenueId(venue.toString())
                        .setHostId(host.email())
                        .setAt(WireTime.of(posted.plus(Duration.ofHours(5))))
                        .build(),
                now);
        send(Topics.REVIEW_EVENTS, reply);
        send(Topics.REVIEW_EVENTS, reply);
        JsonNode replied = awaitReputation(
                host,
                r -> r.path("host").path("responses").path("repliedInTime").asInt() == 1);
        assertThat(replied.path("host")
                        .path("responses")
                        .path("medianReplyHours")
                        .asDouble())
                .isEqualTo(5.0);
        assertThat(replied.path("host").path("responses").path("reviews").asInt())
                .isEqualTo(1);

        UUID kept = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID postponed = UUID.randomUUID();
        // one key for the test's session events: one partition, so they are applied in this order
        UUID key = UUID.randomUUID();
        send(
                Topics.INVENTORY_EVENTS,
                event("inventory", key, published(kept, host, now.plus(Duration.ofDays(2))), now));
        send(Topics.INVENTORY_EVENTS, event("inventory", key, published(cancelled, host, now), now));
        CloudEvent byHost =
                event("inventory", key, cancelled(cancelled, host, SessionCancellationCause.CANCELLED_BY_HOST), now);
        send(Topics.INVENTORY_EVENTS, byHost);
        send(Topics.INVENTORY_EVENTS, byHost);
        send(
                Topics.INVENTORY_EVENTS,
                event("inventory", key, cancelled(postponed, host, SessionCancellationCause.FIXTURE_POSTPONED), now));

        JsonNode sessions = awaitReputation(
                host, r -> r.path("host").path("cancellations").path("sessions").asInt() == 3);
        assertThat(sessions.path("host").path("cancellations").path("cancelled").asInt())
                .isEqualTo(1);
        // 1 − (1 + 0.5) / (3 + 10)
        assertThat(sessions.path("host")
                        .path("cancellations")
                        .path("reliability")
                        .asDouble())
                .isEqualTo(0.885);
        assertThat(sessions.toString()).doesNotContain(host.email());
    }

    @Test
    void aGuestsNoShowsAndAttendedBookingsComeFromEventsOnceEach() {
        User guest = user("guest");
        User host = user("host");
        Instant now = clock.instant();
        UUID ended = UUID.randomUUID();
        UUID upcoming = UUID.randomUUID();
        send(
                Topics.INVENTORY_EVENTS,
                event("inventory", ended, published(ended, host, now.minus(Duration.ofHours(5))), now));
        send(
                Topics.INVENTORY_EVENTS,
                event("inventory", upcoming, published(upcoming, host, now.plus(Duration.ofHours(5))), now));

        // one key for the test's booking events: one partition, so they are applied in this order
        UUID key = UUID.randomUUID();
        UUID cancelledBooking = UUID.randomUUID();
        send(Topics.BOOKING_EVENTS, event("booking", key, confirmed(cancelledBooking, ended, guest), now));
        send(
                Topics.BOOKING_EVENTS,
                event(
                        "booking",
                        key,
                        BookingCancelled.newBuilder()
                                .setBookingId(cancelledBooking.toString())
                                .setSessionId(ended.toString())
                                .setGuestId(guest.email())
                                .setSeats(1)
                                .setCancelledBy("GUEST")
                                .build(),
                        now));
        UUID missed = UUID.randomUUID();
        send(Topics.BOOKING_EVENTS, event("booking", key, confirmed(missed, ended, guest), now));
        CloudEvent noShow = event(
                "booking",
                key,
                GuestNoShow.newBuilder()
                        .setBookingId(missed.toString())
                        .setSessionId(ended.toString())
                        .setGuestId(guest.email())
                        .setHostId(host.email())
                        .setSeats(2)
                        .setAt(WireTime.of(now))
                        .build(),
                now);
        send(Topics.BOOKING_EVENTS, noShow);
        send(Topics.BOOKING_EVENTS, noShow);
        UUID attended = UUID.randomUUID();
        send(Topics.BOOKING_EVENTS, event("booking", key, confirmed(attended, ended, guest), now));
        UUID later = UUID.randomUUID();
        send(Topics.BOOKING_EVENTS, event("booking", key, confirmed(later, upcoming, guest), now));

        JsonNode reputation = awaitReputation(
                guest,
                r -> r.path("guest").path("noShows").asInt() == 1
                        && r.path("guest").path("attended").asInt() == 1);
        // 1 − (1 + 0.5) / (1 + 1 + 10)
        assertThat(reputation.path("guest").path("reliability").asDouble()).isEqualTo(0.875);
        assertThat(reputation.path("guest").path("score").asDouble()).isEqualTo(87.5);

        // once the upcoming session has ended too, its booking counts as attended (the clock decides)
        clock.advance(Duration.ofHours(9));
        JsonNode afterward =
                awaitReputation(guest, r -> r.path("guest").path("attended").asInt() == 2);
        assertThat(afterward.path("guest").path("noShows").asInt()).isEqualTo(1);
    }

    @Test
    void theApiIsPublicAnswersUnknownUsersWith404AndBadIdsWith400() {
        User nobody = user("newcomer");
        HttpResponse<String> fresh = browser().get("/api/users/" + nobody.id() + "/reputation");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        JsonNode body = json(fresh);
        assertThat(body.path("userId").asString()).isEqualTo(nobody.id().toString());
        assertThat(body.path("host").path("score").asDouble()).isEqualTo(76.3);
        assertThat(body.path("guest").path("score").asDouble()).isEqualTo(95.0);
        assertThat(body.path("host").path("responses").has("medianReplyHours")).isFalse();
        assertThat(fresh.body()).doesNotContain("@");

        HttpResponse<String> unknown = browser().get("/api/users/" + UUID.randomUUID() + "/reputation");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> bad = browser().get("/api/users/not-a-uuid/reputation");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private User user(String role) {
        User user = User.register(
                role + "-" + UUID.randomUUID() + "@example.com", null, Set.of(Role.GUEST, Role.HOST), clock.instant());
        assertThat(users.add(user)).isTrue();
        return user;
    }

    private JsonNode awaitReputation(User user, Predicate<JsonNode> condition) {
        return await().atMost(WAIT)
                .until(() -> json(browser().get("/api/users/" + user.id() + "/reputation")), condition::test);
    }

    private void send(String topic, CloudEvent event) {
        kafka.send(KafkaCloudEvents.toRecord(topic, event));
    }

    private static CloudEvent event(String source, UUID subject, Message message, Instant at) {
        return ProtobufEvents.wrap(source, subject.toString(), message, at);
    }

    private static RatingChanged rating(UUID venue, User host, double average, int count, long version) {
        return RatingChanged.newBuilder()
                .setVenueId(venue.toString())
                .setHostId(host.email())
                .setAverage(average)
                .setCount(count)
                .setVersion(version)
                .build();
    }

    private static SessionPublished published(UUID session, User host, Instant kickoff) {
        return SessionPublished.newBuilder()
                .setSessionId(session.toString())
                .setVenueId(UUID.randomUUID().toString())
                .setHostId(host.email())
                .setKickoff(WireTime.of(kickoff))
                .build();
    }

    private static SessionCancelled cancelled(UUID session, User host, SessionCancellationCause cause) {
        return SessionCancelled.newBuilder()
                .setSessionId(session.toString())
                .setHostId(host.email())
                .setCause(cause)
                .build();
    }

    private static BookingConfirmed confirmed(UUID booking, UUID session, User guest) {
        return BookingConfirmed.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(session.toString())
                .setGuestId(guest.email())
                .setSeats(1)
                .build();
    }
}
