package dev.couchannel.analytics.survey.application;

import dev.couchannel.analytics.survey.Survey;
import dev.couchannel.analytics.survey.SurveyToken;
import dev.couchannel.analytics.survey.persistence.JdbcSurveys;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and answers surveys by the token of their links. */
@Service
public class Surveys {

    private final JdbcSurveys surveys;
    private final Clock clock;

    Surveys(JdbcSurveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /** The survey of a token; empty for a token we never issued. */
    public Optional<Survey> find(String token) {
        return SurveyToken.wellFormed(token) ? surveys.byTokenHash(SurveyToken.hash(token)) : Optional.empty();
    }

    /** Answers once; empty for an unknown token. */
    @Transactional
    public Optional<Survey.Answer> answer(String token, int score) {
        return find(token).map(survey -> {
            Survey.Answer answer = survey.answer(score, clock.instant());
            if (answer instanceof Survey.Answer.Recorded(Survey answered) && !surveys.record(answered)) {
                // answered a moment ago by another request
                return new Survey.Answer.AlreadyAnswered();
            }
            return answer;
        });
    }
}
