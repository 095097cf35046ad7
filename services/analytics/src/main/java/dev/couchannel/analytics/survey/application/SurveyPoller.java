package dev.couchannel.analytics.survey.application;

import dev.couchannel.analytics.survey.SurveyToken;
import dev.couchannel.analytics.survey.persistence.JdbcSurveys;
import dev.couchannel.analytics.survey.persistence.JdbcSurveys.Due;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the NPS surveys that are due: for each booking still confirmed of a session that ended
 * (kickoff + session length, by the injected clock, read again on every run), one survey and one
 * {@code NpsSurveyRequested} in the outbox, in one transaction. The due bookings are locked with
 * {@code FOR UPDATE SKIP LOCKED}, so instances polling at once never ask twice; the unique booking
 * id of a survey makes sure of it.
 */
@Component
public class SurveyPoller {

    private final JdbcSurveys surveys;
    private final SurveyRequests requests;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration sessionLength;
    private final Duration maxAge;
    private final int batchSize;

    SurveyPoller(
            JdbcSurveys surveys,
            SurveyRequests requests,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${couchannel.analytics.session-length:3h}") Duration sessionLength,
            @Value("${couchannel.analytics.surveys.max-age:7d}") Duration maxAge,
            @Value("${couchannel.analytics.surveys.batch-size:100}") int batchSize) {
        this.surveys = surveys;
        this.requests = requests;
        this.transactions = transactions;
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.maxAge = maxAge;
        this.batchSize = batchSize;
    }

    @Scheduled(
            fixedDelayString = "${couchannel.analytics.surveys.poll-interval:30s}",
            initialDelayString = "${couchannel.analytics.surveys.poll-interval:30s}")
    void poll() {
        while (askDue() == batchSize) {
            // a full batch: there may be more
        }
    }

    /** @return how many bookings were due in this batch */
    public int askDue() {
        Integer due = transactions.execute(status -> {
            Instant now = clock.instant();
            Instant endedBy = now.minus(sessionLength);
            List<Due> found = surveys.lockDue(endedBy.minus(maxAge), endedBy, batchSize);
            for (Due booking : found) {
                UUID id = UUID.randomUUID();
                String token = SurveyToken.random();
                if (surveys.create(id, booking, SurveyToken.hash(token), now)) {
                    requests.requested(id, booking, token, now);
                }
            }
            return found.size();
        });
        return due == null ? 0 : due;
    }
}
