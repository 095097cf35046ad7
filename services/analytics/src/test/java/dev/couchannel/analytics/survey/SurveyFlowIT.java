package dev.couchannel.analytics.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.analytics.RunningAnalytics;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.analytics.v1.NpsSurveyRequested;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The survey, end to end within the service: due only once the session has ended (kickoff + 3 h
 * by the clock), once per booking still confirmed, asked through {@code NpsSurveyRequested}; its
 * link shows the question without recording anything; the token answers once.
 */
class SurveyFlowIT extends RunningAnalytics {

    private long surveysOf(String bookingId) {
        return jdbc.sql("SELECT count(*) FROM surveys WHERE booking_id = :id")
                .param("id", UUID.fromString(bookingId))
                .query(Long.class)
                .single();
    }

    private Integer scoreOf(String bookingId) {
        return jdbc.sql("SELECT score FROM surveys WHERE booking_id = :id")
                .param("id", UUID.fromString(bookingId))
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aSurveyIsDueOnlyAfterTheEndOncePerConfirmedBookingAndItsTokenAnswersOnce() throws Exception {
        String host = host();
        String venue = id();
        String session = id();
        Instant kickoff = clock.instant().plus(Duration.ofHours(1));
        published(session, venue, host, kickoff, 10);
        String kept = id();
        String guest = guest();
        String dropped = id();
        confirmed(kept, session, guest, 2, "30.00", "EUR", clock.instant());
        confirmed(dropped, session, guest(), 1, "15.00", "EUR", clock.instant());
        cancelled(dropped, session, guest(), 1, "GUEST", "15.00", "EUR", clock.instant());
        awaitSession(session, false);
        awaitBooking(kept, "CONFIRMED");
        awaitBooking(dropped, "CANCELLED");

        // before the end (kickoff + 3 h) nothing is due, not even at kickoff + 2:59
        surveyPoller.askDue();
        clock.advance(Duration.ofHours(3).plusMinutes(59));
        surveyPoller.askDue();
        assertThat(surveysOf(kept)).isZero();

        clock.advance(Duration.ofMinutes(1)); // kickoff + 3 h: the session has ended
        try (TopicProbe probe = TopicProbe.on(Topics.ANALYTICS_EVENTS)) {
            surveyPoller.askDue();
            surveyPoller.askDue(); // asked once per booking, however often the poller runs
            NpsSurveyRequested request = NpsSurveyRequested.parseFrom(
                    probe.await(r -> r.key().equals(kept), WAIT).value());
            assertThat(request.getGuestId()).isEqualTo(guest);
            assertThat(request.getSessionId()).isEqualTo(session);
            assertThat(request.getHostId()).isEqualTo(host);
            assertThat(request.getVenueId()).isEqualTo(venue);
            assertThat(WireTime.toInstant(request.getKickoff())).isEqualTo(kickoff);
            assertThat(request.getSurveyUrl()).startsWith("http://localhost:8080/api/surveys/");
            assertThat(request.getScoreUrlsList()).hasSize(11).first().isEqualTo(request.getSurveyUrl() + "?score=0");
            assertThat(request.getScoreUrls(10)).isEqualTo(request.getSurveyUrl() + "?score=10");
            assertThat(surveysOf(kept)).isOne();
            assertThat(surveysOf(dropped))
                    .as("a cancelled booking is not asked")
                    .isZero();
            String path = URI.create(request.getSurveyUrl()).getPath();
            String token = path.substring(path.lastIndexOf('/') + 1);
            assertThat(jdbc.sql("SELECT count(*) FROM surveys WHERE token_hash = :token")
                            .param("token", token)
                            .query(Long.class)
                            .single())
                    .as("the token itself is not stored")
                    .isZero();

            // opening a link (as a mail scanner does) records nothing
            JsonNode shown = json(send("GET", path + "?score=9", null, null));
            assertThat(shown.path("status").asString()).isEqualTo("OPEN");
            assertThat(shown.path("question").asString()).contains("0 = not at all");
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?score=9"))
                            .header("Accept", "text/html,application/xhtml+xml")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body())
                    .contains("<form method=\"post\" action=\"" + path + "\">")
                    .contains("You chose <strong>9</strong>");
            assertThat(scoreOf(kept)).isNull();

            // a bad score is a 400 naming it, and records nothing
            HttpResponse<String> tooHigh = send("POST", path, null, "{\"score\":11}");
            assertProblem(tooHigh, 400);
            assertThat(json(tooHigh).path("errors").get(0).path("field").asString())
                    .isEqualTo("score");
            assertProblem(send("POST", path, null, "{\"score\":\"nine\"}"), 400);
            assertProblem(send("POST", path, null, "{}"), 400);
            assertProblem(send("GET", path + "?score=eleven", null, null), 400);
            assertThat(scoreOf(kept)).isNull();

            // the page's form answers (a browser gets the thanks), then the token is spent
            HttpResponse<String> answered = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString("score=9"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(answered.body()).contains("Thank you").contains("<strong>9</strong>");
            assertThat(scoreOf(kept)).isEqualTo(9);

            HttpResponse<String> again = send("POST", path, null, "{\"score\":3}");
            assertProblem(again, 409);
            assertThat(json(again).path("reason").asString()).isEqualTo("ALREADY_ANSWERED");
            assertThat(scoreOf(kept)).isEqualTo(9);
            assertThat(json(send("GET", path, null, null)).path("status").asString())
                    .isEqualTo("ANSWERED");
        }
    }

    @Test
    void unknownTokensAreNotFound() throws Exception {
        assertProblem(send("GET", "/api/surveys/" + SurveyToken.random(), null, null), 404);
        assertProblem(send("POST", "/api/surveys/" + SurveyToken.random(), null, "{\"score\":5}"), 404);
        assertProblem(send("GET", "/api/surveys/not-a-token", null, null), 404);
    }

    @Test
    void aCancelledSessionAndOneThatEndedLongAgoAreNotSurveyed() throws Exception {
        String host = host();
        String cancelledSession = id();
        String oldSession = id();
        published(cancelledSession, id(), host, clock.instant().minus(Duration.ofHours(4)), 10);
        published(oldSession, id(), host, clock.instant().minus(Duration.ofDays(8)), 10);
        String inCancelled = id();
        String inOld = id();
        confirmed(inCancelled, cancelledSession, guest(), 1, "10.00", "EUR", clock.instant());
        confirmed(inOld, oldSession, guest(), 1, "10.00", "EUR", clock.instant());
        sessionCancelled(cancelledSession, host, clock.instant());
        awaitSession(cancelledSession, true);
        awaitSession(oldSession, false);
        awaitBooking(inCancelled, "CONFIRMED");
        awaitBooking(inOld, "CONFIRMED");

        surveyPoller.askDue();

        assertThat(surveysOf(inCancelled)).isZero();
        assertThat(surveysOf(inOld)).isZero();
    }
}
