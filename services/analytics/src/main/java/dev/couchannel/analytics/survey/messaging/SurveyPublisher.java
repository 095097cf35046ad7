package dev.couchannel.analytics.survey.messaging;

import dev.couchannel.analytics.survey.application.SurveyRequests;
import dev.couchannel.analytics.survey.persistence.JdbcSurveys.Due;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.analytics.v1.NpsSurveyRequested;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code NpsSurveyRequested} through the outbox, keyed by booking id, with the survey's links. */
@Component
class SurveyPublisher implements SurveyRequests {

    static final String SOURCE = "analytics";

    private final Outbox outbox;
    private final String publicUrl;

    SurveyPublisher(Outbox outbox, @Value("${couchannel.analytics.surveys.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public void requested(UUID surveyId, Due due, String token, Instant at) {
        String page = publicUrl + "/api/surveys/" + token;
        NpsSurveyRequested.Builder message = NpsSurveyRequested.newBuilder()
                .setSurveyId(surveyId.toString())
                .setBookingId(due.bookingId().toString())
                .setSessionId(due.sessionId().toString())
                .setGuestId(due.guestId())
                .setKickoff(WireTime.of(due.kickoff()))
                .setSurveyUrl(page)
                .setAt(WireTime.of(at));
        if (due.venueId() != null) {
            message.setVenueId(due.venueId().toString());
        }
        if (due.hostId() != null) {
            message.setHostId(due.hostId());
        }
        for (int score = 0; score <= 10; score++) {
            message.addScoreUrls(page + "?score=" + score);
        }
        outbox.append(
                Topics.ANALYTICS_EVENTS,
                ProtobufEvents.wrap(SOURCE, due.bookingId().toString(), message.build(), at));
    }
}
