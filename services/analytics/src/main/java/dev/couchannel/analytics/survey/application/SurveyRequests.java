package dev.couchannel.analytics.survey.application;

import dev.couchannel.analytics.survey.persistence.JdbcSurveys.Due;
import java.time.Instant;
import java.util.UUID;

/** Asks the guest (through notification's mail), in the transaction that created the survey. */
public interface SurveyRequests {

    void requested(UUID surveyId, Due due, String token, Instant at);
}
